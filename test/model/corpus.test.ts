import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFlowSet, formatPath, isFlowDefinition, parseFlow, type Diagnostic, type Flow } from '../../src/model/index.js';

/**
 * The broken-flow corpus straight through the model (no loader): each case
 * names on its first line the one diagnostic it must produce. MODULE_* cases
 * are the loader's (a file that does not parse or throws) and are covered by
 * test/integration/validate-corpus.test.ts.
 */
const CORPUS = path.resolve(import.meta.dirname, '../fixtures/broken');

const cases = readdirSync(CORPUS)
  .sort()
  .map((name) => {
    const full = path.join(CORPUS, name);
    const files = statSync(full).isDirectory() ? readdirSync(full).sort().map((f) => path.join(full, f)) : [full];
    const [, code = '', where = ''] = /^\/\/ expect: (\S+) (\S+)/.exec(readFileSync(files[0]!, 'utf8').split('\n')[0] ?? '') ?? [];
    return { name, files, code, where };
  });

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

  it.each(cases.filter((c) => !c.code.startsWith('MODULE_')).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const errors = (await diagnose(c.files)).filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.code} ${formatPath(d.path) || '-'}`)).toContain(`${c.code} ${c.where}`);
    // One fault, one error (a duplicate across files is reported on each file).
    expect(errors).toHaveLength(c.files.length);
  });
});
