import { describe, expect, it } from 'vitest';
import { createTestProject, flowSource } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

describe('validate through the CLI', () => {
  it('--config names the config; its folder is the root the globs resolve from', async () => {
    const project = createTestProject({
      'conf/runtype.config.ts': "export default { flows: ['here/*.ts'] };\n",
      'conf/here/b.ts': flowSource('b', 'B'),
      'flows/a.ts': flowSource('a', 'A'),
    });
    try {
      const run = await runCli(['validate', '--json', '--config', 'conf/runtype.config.ts'], {
        cwd: project.root,
      });
      expect(run.code).toBe(0);
      const doc = JSON.parse(run.stdout);
      expect(doc.root).toBe(project.path('conf'));
      expect(doc.flows.map((f: { key: string }) => f.key)).toEqual(['b']);
    } finally {
      project.cleanup();
    }
  });

  it('prints problems file by file, top to bottom, with project-relative paths', async () => {
    const named = (key: string) =>
      `import { defineFlow, prompt } from 'runtype-flows';\nexport default defineFlow({\n  key: '${key}',\n  name: 'Same',\n  steps: [prompt('p', { name: 'P', model: 'm', userPrompt: 'x' })],\n});\n`;
    const project = createTestProject({
      'flows/b.ts': named('b'),
      'flows/a.ts': named('a'),
      // The schema error (line 7) is found before the variable (line 6): printed the other way
      // round.
      'flows/c.ts': `import { defineFlow, prompt } from 'runtype-flows';
export default defineFlow({
  key: 'c',
  name: 'C',
  steps: [prompt('p', {
    name: 'P', model: 'm', userPrompt: '{{nope}}',
    temprature: 0.5,
  })],
});
`,
    });
    try {
      const run = await runCli(['validate'], { cwd: project.root });
      expect(run.code).toBe(1);
      const output = `${run.stdout}${run.stderr}`;
      const places = [...output.matchAll(/^(flows\/\S+?:\d+:\d+) {2}error/gm)].map((m) => m[1]);
      expect(places).toEqual([
        'flows/a.ts:4:9',
        'flows/b.ts:4:9',
        'flows/c.ts:6:41',
        'flows/c.ts:7:5',
      ]);
      expect(output).toContain(
        'duplicate flow name "Same", also used in flows/b.ts (DUPLICATE_FLOW_NAME)',
      );
      expect(output).not.toContain(project.root);
    } finally {
      project.cleanup();
    }
  });

  it('says NO_FLOW_FILES when the globs match nothing; exits 1 (NO_FLOWS) unless --allow-empty', async () => {
    const project = createTestProject({
      'runtype.config.ts': "export default { flows: ['src/flows/**/*.ts'] };\n",
    });
    try {
      const run = await runCli(['validate', '--json', '--allow-empty'], { cwd: project.root });
      expect(run.code).toBe(0);
      expect(
        JSON.parse(run.stdout).diagnostics.map((d: { code: string; severity: string }) => [
          d.severity,
          d.code,
        ]),
      ).toEqual([['warning', 'NO_FLOW_FILES']]);
      const strict = await runCli(['validate', '--json'], { cwd: project.root });
      expect(strict.code).toBe(1);
      const doc = JSON.parse(strict.stdout);
      expect(doc).toMatchObject({ status: 'error', ok: false });
      expect(doc.diagnostics.map((d: { code: string }) => d.code)).toEqual([
        'NO_FLOW_FILES',
        'NO_FLOWS',
      ]);
      expect(doc.diagnostics[1].hint).toContain('--allow-empty');
    } finally {
      project.cleanup();
    }
  });
});
