import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SENTINEL_KEY,
  type EmulatorProject,
  useEmulatorProject,
} from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

let env: EmulatorProject;
const startEmulatorProject = useEmulatorProject();

/** The CLI as a GitHub Actions step runs it. */
function runInActions(args: string[], summary: string) {
  const vars = {
    RUNTYPE_API_KEY: SENTINEL_KEY,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_STEP_SUMMARY: summary,
  };
  return runCli(args, { cwd: env.project.root, env: vars });
}

describe('plan and sync on invalid code in GitHub Actions', () => {
  it.each([['plan'], ['sync']])(
    '%s annotates each broken file and writes the job summary',
    async (command) => {
      env = await startEmulatorProject(1);
      env.project.write('flows/a.ts', flowSource('a', 'A', { prompt: 'Hi {{nobody}}' }));
      env.project.write('flows/b.ts', flowSource('b', 'B', { prompt: 'Hi {{someone}}' }));
      const summary = env.project.path('summary.md');
      const run = await runInActions([command], summary);
      expect(run.code).toBe(1);
      const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
      expect(annotations).toEqual([
        expect.stringMatching(
          /^::error file=flows\/a\.ts,line=\d+,col=\d+,title=UNKNOWN_VARIABLE a /,
        ),
        expect.stringMatching(
          /^::error file=flows\/b\.ts,line=\d+,col=\d+,title=UNKNOWN_VARIABLE b /,
        ),
        expect.stringContaining('title=runtype-flows FLOWS_INVALID::2 errors'),
      ]);
      const markdown = readFileSync(summary, 'utf8');
      expect(markdown).toContain('### runtype-flows failed');
      expect(markdown).toMatch(/\| error \| `flows\/a\.ts:\d+` \| UNKNOWN_VARIABLE \|/);
      expect(env.writes()).toEqual([]);
    },
  );
});

describe('plan --markdown', () => {
  it('writes the plan as Markdown, prompt changes in ```diff blocks', async () => {
    env = await startEmulatorProject(2);
    await env.cli('sync');
    env.project.write(
      'flows/flow-000.ts',
      flowSource('flow-000', 'Flow 0', {
        prompt: 'Write about {{topic}}\nin two lines\nfor a newsletter',
      }),
    );
    env.project.write('flows/flow-new.ts', flowSource('flow-new', 'Flow New'));
    const run = await env.cli('plan', '--markdown', 'plan.md', '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).pendingChanges).toBe(true); // stdout is still the JSON document
    const markdown = env.project.read('plan.md');
    expect(markdown).toContain('### runtype-flows plan — test');
    expect(markdown).toContain('**Plan: 1 to create, 1 to update');
    expect(markdown).toContain('| update | `flow-000` | Flow 0 |');
    expect(markdown).toContain('#### update `flow-000` (Flow 0)');
    expect(markdown).toContain(
      '- step `draft` (prompt) `config.userPrompt`:\n\n```diff\n-Write about {{topic}}\n+Write about {{topic}}\n+in two lines\n+for a newsletter\n```',
    );
    expect(markdown).toContain(
      '#### create `flow-new` (Flow New)\n\n- flow `name`: `"Flow New"`\n',
    );
  });
});
