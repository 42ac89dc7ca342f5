import { describe, expect, it } from 'vitest';
import {
  checkFlowSet,
  formatPath,
  isFlowDefinition,
  parseFlow,
  type Diagnostic,
  type Flow,
} from '../../src/model/index.js';
import { readCorpus } from '../fixtures/corpus.js';

/**
 * The broken-flow corpus straight through the model (no loader): each case
 * must produce the one error its header names, with its path, flow key,
 * message and hint. Lines and columns are the loader's (the model has no
 * source) and MODULE_* cases are a file that does not parse or throws: both
 * are covered by test/integration/validate-corpus.test.ts.
 */
const cases = readCorpus();

async function diagnose(files: readonly string[]): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const flows: { flow: Flow; file: string }[] = [];
  for (const file of files) {
    const exports = (await import(file)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exports)) {
      if (!isFlowDefinition(value)) continue;
      const result = parseFlow(value, { file, exportName });
      diagnostics.push(...result.diagnostics);
      if (result.flow) flows.push({ flow: result.flow, file });
    }
  }
  return [...diagnostics, ...checkFlowSet(flows)];
}

describe('broken flow corpus, through parseFlow and checkFlowSet', () => {
  it('has at least 24 cases, each naming its expected code', () => {
    expect(cases.length).toBeGreaterThanOrEqual(24);
    for (const c of cases) expect(c.code, c.name).toMatch(/^[A-Z_]+$/);
  });

  it.each(cases.filter((c) => !c.code.startsWith('MODULE_')).map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const errors = (await diagnose(c.files)).filter((d) => d.severity === 'error');
      const hit = errors.find((d) => d.code === c.code && d.file === c.files[0]);
      expect(hit, JSON.stringify(errors)).toBeDefined();
      expect(formatPath(hit!.path) || '-').toBe(c.path);
      expect(hit!.flowKey).toBe(c.flowKey);
      expect(hit!.message).toContain(c.message);
      expect(hit!.hint ?? '').toContain(c.hint ?? '');
      expect(hit!.message).toContain(
        c.also === undefined ? '' : c.files.find((f) => f.endsWith(`/${c.also}`)),
      );
      // One fault, one error (a duplicate across files is reported on each file).
      expect(errors).toHaveLength(c.files.length);
    },
  );
});
