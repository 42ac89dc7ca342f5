import { formatPath, parseFlow, prompt } from '../../src/model/index.js';

/** A prompt step with just the fields a test cares about. */
export function aPrompt(id: string, userPrompt: string, outputVariable?: string) {
  return prompt(id, {
    name: id,
    model: 'gpt-4',
    userPrompt,
    ...(outputVariable === undefined ? {} : { outputVariable }),
  });
}

/** A minimal valid flow value; `fields` override or add top-level fields (typos included). */
export function aFlow(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { key: 'test-flow', name: 'Test Flow', steps: [aPrompt('only', 'hello')], ...fields };
}

/** Diagnostics of a value as compact `severity CODE path` lines, the easiest form to assert on. */
export function summarise(value: unknown): string[] {
  return parseFlow(value).diagnostics.map(
    (d) => `${d.severity} ${d.code} ${formatPath(d.path) || '-'}`,
  );
}

/** The one diagnostic a value produces (fails the test when there are none or several). */
export function onlyDiagnostic(value: unknown) {
  const { diagnostics } = parseFlow(value);
  if (diagnostics.length !== 1)
    throw new Error(`expected exactly one diagnostic, got ${JSON.stringify(diagnostics, null, 2)}`);
  return diagnostics[0]!;
}
