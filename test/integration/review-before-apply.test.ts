import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import {
  createEmulatorProject,
  SENTINEL_KEY,
  type EmulatorProject,
} from '../helpers/emulator-project.js';
import { createTestProject, flowSource, type TestProject } from '../helpers/project.js';
import { runSync } from '../../src/app/sync/sync.js';
import type { AppContext } from '../../src/app/context.js';
import { hasScript, runOnTerminal, SCRIPT } from '../helpers/terminal-cli.js';
import { testContext } from '../helpers/app-context.js';
import { READING_ENV } from '../helpers/reading.js';

/*
 * DESIGN.md, "Confirmation": on a terminal (stdin and stderr TTYs, CI unset) `sync` against an
 * environment that is not the embedded emulator shows the plan and asks before its first write;
 * without one nothing is asked and only deletions need --yes. These projects' environment is
 * an http URL (an emulator on 127.0.0.1), not `emulator: true`.
 */

let env: EmulatorProject;
const cleanupEnv = async () => {
  await env.cleanup();
};

const lockText = () => readFileSync(env.project.path('runtype.lock.json'), 'utf8');
const QUESTION = /Apply this plan to "test"[^\n]*\[y\/N\]/;

// The pseudo-terminal comes from util-linux `script` (no native npm module); where it is
// missing the skip says so in the test's name rather than passing silently.
const MISSING = hasScript ? '' : ` — SKIPPED: ${SCRIPT} (util-linux) not found, no pseudo-terminal`;

describe.skipIf(!hasScript)(
  `sync on a real terminal (pseudo-TTY through ${SCRIPT})${MISSING}`,
  () => {
    afterEach(cleanupEnv);
    const terminal = (args: string[], answer: string) =>
      runOnTerminal(env.project.root, args, {
        env: { RUNTYPE_API_KEY: SENTINEL_KEY, NO_COLOR: '1' },
        question: QUESTION,
        answer,
      });

    it('shows the plan and asks; "n" writes nothing and exits 2, "y" applies', async () => {
      env = await createEmulatorProject(2);
      expect((await env.cli('sync')).code).toBe(0);
      env.project.write('flows/flow-000.ts', flowSource('flow-000', 'Flow 0', { prompt: 'New' }));
      const lockBefore = lockText();
      env.emu.clearRequests();

      const declined = await terminal(['sync'], 'n');
      expect(declined.answered, declined.output).toBe(true);
      expect(declined.code, declined.output).toBe(2);
      const shown = declined.output.indexOf('Plan for environment "test"');
      expect(shown).toBeGreaterThanOrEqual(0);
      expect(shown).toBeLessThan(declined.output.search(QUESTION));
      expect(declined.output).toContain('Re-run with: runtype-flows sync --yes');
      expect(env.writes()).toEqual([]);
      expect(lockText()).toBe(lockBefore);

      const accepted = await terminal(['sync'], 'y');
      expect(accepted.answered, accepted.output).toBe(true);
      expect(accepted.code, accepted.output).toBe(0);
      const id = env.lockfile().environments.test?.flows['flow-000']?.id;
      expect(env.writes()).toContainEqual({ method: 'PUT', path: `/v1/flows/${id}` });
      expect(lockText()).not.toBe(lockBefore);
    });

    it('with --prune the plan, deletion included, comes before the one question', async () => {
      env = await createEmulatorProject(2);
      expect((await env.cli('sync')).code).toBe(0);
      env.project.remove('flows/flow-001.ts');
      env.emu.clearRequests();

      const run = await terminal(['sync', '--prune'], 'n');
      expect(run.code, run.output).toBe(2);
      const question = run.output.search(QUESTION);
      expect(run.output.slice(question)).toMatch(/^[^\n]*DELETING 1 remote flow\(s\): flow-001/);
      const before = run.output.slice(0, question);
      expect(before).toContain('Plan for environment "test"');
      expect(before).toMatch(/flow-001[\s\S]*removed from code/);
      expect(run.output.match(/\[y\/N\]/g)).toHaveLength(1);
      expect(env.writes()).toEqual([]);
      expect(env.emu.state.count()).toBe(2);
    });
  },
);

describe('sync without a terminal', () => {
  afterEach(cleanupEnv);
  it('writes without asking', async () => {
    env = await createEmulatorProject(1);
    const run = await env.cli('sync');
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/Apply this plan|\[y\/N\]/);
    // The create, then its publish (environments publish by default).
    expect(env.writes().map((w) => w.method)).toEqual(['POST', 'POST']);
    expect(env.writes()[0]).toEqual({ method: 'POST', path: '/v1/flows' });
    expect(env.writes()[1]?.path).toMatch(/^\/v1\/flows\/[^/]+\/publish$/);
  });

  it('CI set on a terminal counts as no terminal: nothing is asked, the write is made', async () => {
    env = await createEmulatorProject(1);
    let stderr = '';
    const code = await main(
      {
        argv: ['node', 'runtype-flows', 'sync'],
        env: {
          PATH: process.env.PATH,
          NO_COLOR: '1',
          CI: 'true',
          RUNTYPE_API_KEY: SENTINEL_KEY,
          ...READING_ENV,
        },
        cwd: env.project.root,
        stdout: { write: () => true, isTTY: true },
        stderr: { write: (s: string) => (stderr += s), isTTY: true },
        stdinIsTTY: true,
      },
      new AbortController().signal,
    );
    expect(code, stderr).toBe(0);
    expect(stderr).not.toMatch(/\[y\/N\]/);
    // The create, then its publish (environments publish by default).
    expect(env.writes().map((w) => w.method)).toEqual(['POST', 'POST']);
    expect(env.writes()[0]).toEqual({ method: 'POST', path: '/v1/flows' });
    expect(env.writes()[1]?.path).toMatch(/^\/v1\/flows\/[^/]+\/publish$/);
  });

  it('sync --prune without --yes exits 2 and deletes nothing (nor writes anything else)', async () => {
    env = await createEmulatorProject(2);
    expect((await env.cli('sync')).code).toBe(0);
    env.project.remove('flows/flow-001.ts');
    env.project.write('flows/flow-000.ts', flowSource('flow-000', 'Flow 0', { prompt: 'New' }));
    const lockBefore = lockText();
    env.emu.clearRequests();

    const run = await env.cli('sync', '--prune');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Re-run with: runtype-flows sync --prune --yes');
    expect(env.writes()).toEqual([]);
    expect(env.emu.state.count()).toBe(2);
    expect(lockText()).toBe(lockBefore);

    const confirmed = await env.cli('sync', '--prune', '--yes');
    expect(confirmed.code).toBe(0);
    expect(env.emu.state.count()).toBe(1);
  });
});

describe('sync on a terminal against the embedded emulator (emulator: true)', () => {
  let project: TestProject;
  afterEach(() => project.cleanup());
  /** A terminal context whose every question is recorded and declined. */
  function terminal(cwd: string, asked: string[]): AppContext {
    return testContext(cwd, {
      interactive: true,
      confirm: (question) => {
        asked.push(question);
        return Promise.resolve(false);
      },
    });
  }

  it('asks nothing for writes, but still asks (after the plan) before deleting', async () => {
    project = createTestProject({
      'package.json': '{ "name": "sample", "private": true, "type": "module" }\n',
      'runtype.config.ts': `import { defineConfig } from 'runtype-flows';
export default defineConfig({ defaultEnvironment: 'local', environments: { local: { emulator: true } } });
`,
      'flows/a.ts': flowSource('a', 'A'),
      'flows/b.ts': flowSource('b', 'B'),
    });
    const asked: string[] = [];
    const first = await runSync(terminal(project.root, asked), {});
    expect(asked).toEqual([]);
    expect(first.counts.created).toBe(2);

    project.remove('flows/b.ts');
    const pruned = await runSync(terminal(project.root, asked), { prune: true });
    expect(asked).toEqual(['Apply this plan to "local", DELETING 1 remote flow(s): b ("B")?']);
    expect(pruned.blocked?.reason).toBe('declined');
    expect(pruned.counts.deleted).toBe(0);
  });
});
