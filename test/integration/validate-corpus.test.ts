import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project/load-project.js';
import { createModuleImporter } from '../../src/load/import/import-module.js';
import { formatPath } from '../../src/model/diagnostics.js';
import { readCorpus } from '../fixtures/corpus.js';
import { createTestProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * The broken-flow corpus through the loader, as `validate` sees it: each
 * case's one fault must come out with the code, field path, file, exact
 * line:column, flow key, message and hint its header names (see
 * test/fixtures/corpus.ts), and duplicates must name the other file
 * relative to the project root.
 */
const cases = readCorpus();

describe('broken flow corpus', () => {
  it('has at least 20 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: one precise diagnostic',
    async (_name, testCase) => {
      const project = createTestProject();
      try {
        for (const file of testCase.files)
          project.write(`flows/${path.basename(file)}`, readFileSync(file, 'utf8'));
        const loaded = await loadProject({
          cwd: project.root,
          importModule: createModuleImporter(),
        });
        const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
        const first = project.path(`flows/${path.basename(testCase.files[0]!)}`);
        const hit = errors.find((d) => d.code === testCase.code && d.file === first);
        expect(hit, JSON.stringify(errors)).toBeDefined();
        expect(formatPath(hit!.path) || '-').toBe(testCase.path);
        expect(`${hit!.line}:${hit!.column}`).toBe(`${testCase.line}:${testCase.column}`);
        expect(hit!.flowKey).toBe(testCase.flowKey);
        expect(hit!.message).toContain(testCase.message);
        expect(hit!.hint ?? '').toContain(testCase.hint ?? '');
        expect(hit!.message).toContain(
          testCase.also === undefined ? '' : `also used in flows/${testCase.also}`,
        );
        expect(hit!.message).not.toContain(project.root);
        // One fault, one error (cross-file duplicates report on both files).
        expect(errors).toHaveLength(testCase.files.length);
      } finally {
        project.cleanup();
      }
    },
  );

  it('accepts what the API accepts: ids with ":" or a leading "_", a prompt with text, extraStepTypes', async () => {
    const project = createTestProject({
      'runtype.config.ts': `import { defineConfig } from 'runtype-flows';
export default defineConfig({ extraStepTypes: ['create-record'] });
`,
      'flows/accepted.ts': `import { customStep, defineFlow, prompt } from 'runtype-flows';
export default defineFlow({
  key: 'accepted',
  name: 'Accepted',
  inputs: ['input'],
  steps: [
    {
      id: '_init',
      name: 'Init',
      type: 'set-variable',
      config: { variableName: 'flow_name', valueTemplate: '{{_flow.name}}' },
    },
    prompt('ns:step', { name: 'Summary', model: 'gpt-5-mini', text: 'Summarise {{input}} for {{flow_name}}' }),
    { id: 'save', name: 'Save', type: 'create-record', config: { recordType: 'lead', anything: 1 } } as never,
    customStep('create-record', 'save-2', { name: 'Save again', config: { recordType: 'lead' } }),
  ],
});
`,
    });
    try {
      const loaded = await loadProject({ cwd: project.root, importModule: createModuleImporter() });
      expect(loaded.diagnostics).toEqual([]);
      expect(loaded.flows[0]?.flow.steps.map((s) => `${s.id} ${s.type}`)).toEqual([
        '_init set-variable',
        'ns:step prompt',
        'save create-record',
        'save-2 create-record',
      ]);
    } finally {
      project.cleanup();
    }
  });

  it('the CLI reports every broken file at once, sorted by file then line, and exits 1', async () => {
    const project = createTestProject();
    try {
      const singles = cases.filter((c) => c.files.length === 1);
      for (const c of singles)
        project.write(`flows/${path.basename(c.files[0]!)}`, readFileSync(c.files[0]!, 'utf8'));
      const run = await runCli(['validate', '--json'], { cwd: project.root });
      expect(run.code).toBe(1);
      const doc = JSON.parse(run.stdout) as {
        diagnostics: { severity: string; file: string; line: number; column: number }[];
      };
      const errors = doc.diagnostics.filter((d) => d.severity === 'error');
      expect(new Set(errors.map((d) => path.basename(d.file))).size).toBe(singles.length);
      const order = doc.diagnostics.map((d) => [d.file, d.line, d.column] as const);
      const sorted = [...order].sort((a, b) =>
        a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2],
      );
      expect(order).toEqual(sorted);
    } finally {
      project.cleanup();
    }
  });
});
