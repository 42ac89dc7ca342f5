import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { annotation } from '../../src/report/github.js';
import { createEmulatorProject, type EmulatorProject } from '../helpers/emulator-project.js';
import { createTestProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

describe('GitHub Actions output', () => {
  it('escapes workflow-command data and properties', () => {
    expect(annotation('error', '50% done\nnext', { file: 'flows/a,b.ts', title: 'A: B' })).toBe('::error file=flows/a%2Cb.ts,title=A%3A B::50%25 done%0Anext');
  });

  it('validate annotates each problem on its file and line', async () => {
    const project = createTestProject({
      'flows/bad.ts': "import { defineFlow, prompt } from 'runtype-flows';\nexport default defineFlow({\n  key: 'bad',\n  name: 'Bad',\n  steps: [prompt('p', { name: 'P', model: 'gpt-4', userPrompt: 'Hi {{who}}' })],\n});\n",
    });
    try {
      const run = await runCli(['validate'], { cwd: project.root, env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: project.root } });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^::error file=flows\/bad\.ts,line=5,col=\d+,title=UNKNOWN_VARIABLE bad steps\[0\]\.config\.userPrompt::\{\{who\}\} is not defined/m);
    } finally {
      project.cleanup();
    }
  });
});

describe('GitHub job summary', () => {
  let env: EmulatorProject;
  afterEach(async () => {
    await env.cleanup();
  });

  it('sync appends a table of what happened to $GITHUB_STEP_SUMMARY, and JSON stdout stays one document', async () => {
    env = await createEmulatorProject(2);
    const summary = path.join(mkdtempSync(path.join(os.tmpdir(), 'gh-summary-')), 'summary.md');
    const run = await runCli(['sync', '--json'], { cwd: env.project.root, env: { RUNTYPE_API_KEY: env.emu.key, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).command).toBe('sync');
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('### runtype-flows sync — test');
    expect(text).toContain('2 created');
    expect(text).toMatch(/\| created \| `flow-000` \|/);
  });
});
