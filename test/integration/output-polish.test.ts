import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestProject, flowSource, type TestProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

let project: TestProject;
afterEach(() => project.cleanup());

/** A project whose only environment is the embedded emulator (random port each run). */
function localProject(): TestProject {
  return createTestProject({
    'runtype.config.ts': 'export default { environments: { local: { emulator: true } } };\n',
    'flows/a.ts': flowSource('a', 'A'),
  });
}

describe('the embedded emulator is shown by a stable label', () => {
  it('in the plan heading, the status line and the GitHub job summary', async () => {
    project = localProject();
    const summary = project.path('summary.md');
    const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary };
    const plan = await runCli(['plan'], { cwd: project.root, env });
    expect(plan.stdout).toContain('Plan for environment "local" (embedded emulator (local))');
    expect(readFileSync(summary, 'utf8')).toContain('Target: `embedded emulator (local)`');
    const status = await runCli(['status'], { cwd: project.root });
    expect(status.stdout).toContain('local (embedded emulator (local)):');
    expect(plan.stdout + status.stdout + readFileSync(summary, 'utf8')).not.toMatch(
      /127\.0\.0\.1:\d+/,
    );
  });
});

describe('dashboard links', () => {
  it('sync shows where each written flow opens in the dashboard, as the API gives it', async () => {
    const { createEmulatorProject } = await import('../helpers/emulator-project.js');
    const env = await createEmulatorProject(1);
    project = createTestProject(); // the afterEach cleanup needs one
    try {
      const text = await env.cli('sync');
      const id = env.lockfile().environments.test!.flows['flow-000']!.id;
      expect(text.stdout).toMatch(
        new RegExp(
          `✔ created flow-000 \\(id ${id}\\) \\[published\\]\\n {2}↗ http://127\\.0\\.0\\.1:\\d+/\\S*${id}`,
        ),
      );
      env.project.write(
        'flows/flow-000.ts',
        flowSource('flow-000', 'Flow 0', { prompt: 'New {{topic}}' }),
      );
      const doc = JSON.parse((await env.cli('sync', '--json')).stdout);
      expect(doc.outcomes[0]).toMatchObject({
        action: 'updated',
        dashboardUrl: expect.stringContaining(id),
      });
    } finally {
      await env.cleanup();
    }
  });
});

describe('extraStepTypes on the embedded emulator', () => {
  it('a local sync of a step type the API does not list warns that the real API refuses it', async () => {
    project = createTestProject({
      'runtype.config.ts':
        "export default { extraStepTypes: ['future-step'], environments: { local: { emulator: true } } };\n",
      'flows/a.ts': flowSource('a', 'A'),
      'flows/b.ts': `import { defineFlow } from 'runtype-flows';
export default defineFlow({
  key: 'b',
  name: 'B',
  steps: [{ id: 'later', name: 'Later', type: 'future-step', config: {} }],
});
`,
    });
    const run = await runCli(['sync'], { cwd: project.root });
    expect(run.code, run.stderr).toBe(0); // the emulator takes the config's list
    expect(run.stderr).toContain(
      'accepts the step types of extraStepTypes, the Runtype API does not: future-step (b) would be refused (400)',
    );
    // A project that lists the type but does not use it is not warned.
    project.write('flows/b.ts', flowSource('b', 'B'));
    expect((await runCli(['sync'], { cwd: project.root })).stderr).not.toContain('extraStepTypes');
  });
});
