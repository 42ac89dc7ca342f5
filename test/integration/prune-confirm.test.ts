import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { runSync } from '../../src/app/sync/sync.js';
import {
  createEmulatorProject,
  SENTINEL_KEY,
  type EmulatorProject,
} from '../helpers/emulator-project.js';
import { testContext } from '../helpers/app-context.js';

let env: EmulatorProject;
afterEach(async () => {
  await env.cleanup();
});

/**
 * A context as the CLI builds it for a terminal, with the prompt answered by the test. `seen`
 * gets stderr and each question in the order they came.
 */
function terminalContext(
  cwd: string,
  answer: boolean,
  asked: string[],
  seen: string[] = [],
): AppContext {
  return testContext(cwd, {
    env: { RUNTYPE_API_KEY: SENTINEL_KEY },
    stderr: { write: (s: string) => seen.push(s), isTTY: false },
    interactive: true,
    confirm: (question) => {
      asked.push(question);
      seen.push(`QUESTION ${question}`);
      return Promise.resolve(answer);
    },
  });
}

describe('sync --prune on a terminal', () => {
  it('shows the plan, then asks one question naming the deletion; "no" applies nothing at all', async () => {
    env = await createEmulatorProject(2);
    expect((await env.cli('sync')).code).toBe(0);
    env.project.remove('flows/flow-001.ts');
    env.emu.clearRequests();
    const asked: string[] = [];
    const seen: string[] = [];
    const ctx = terminalContext(env.project.root, false, asked, seen);
    const result = await runSync(ctx, { prune: true });
    expect(asked).toEqual([
      'Apply this plan to "test", DELETING 1 remote flow(s): flow-001 ("Flow 1")?',
    ]);
    // The plan (with the deletion in it) before the question, not after.
    const plan = seen.findIndex((s) => s.includes('Plan for environment "test"'));
    const question = seen.findIndex((s) => s.startsWith('QUESTION'));
    expect(plan).toBeGreaterThanOrEqual(0);
    expect(plan).toBeLessThan(question);
    expect(seen[plan]).toMatch(/flow-001[\s\S]*removed from code/);
    expect(result.blocked).toMatchObject({ reason: 'declined', keys: ['flow-001'] });
    expect(result.blocked?.rerun).toBe('runtype-flows sync --yes');
    expect(env.writes()).toEqual([]);
    expect(env.emu.state.count()).toBe(2);
  });

  it('"yes" deletes exactly the removed flow; --yes never asks', async () => {
    env = await createEmulatorProject(3);
    expect((await env.cli('sync')).code).toBe(0);
    env.project.remove('flows/flow-002.ts');
    const asked: string[] = [];
    const result = await runSync(terminalContext(env.project.root, true, asked), { prune: true });
    expect(asked).toHaveLength(1);
    expect(result.counts.deleted).toBe(1);
    expect(env.emu.state.count()).toBe(2);

    env.project.remove('flows/flow-001.ts');
    const silent: string[] = [];
    const again = await runSync(terminalContext(env.project.root, false, silent), {
      prune: true,
      yes: true,
    });
    expect(silent).toEqual([]);
    expect(again.counts.deleted).toBe(1);
  });

  it('refuses to prune everything when no flow is found in the code (a wrong glob), even with --yes', async () => {
    env = await createEmulatorProject(2);
    expect((await env.cli('sync')).code).toBe(0);
    env.project.write(
      'runtype.config.ts',
      env.project
        .read('runtype.config.ts')
        .replace(
          "defaultEnvironment: 'test',",
          "defaultEnvironment: 'test', flows: ['flow/**/*.ts'],",
        ),
    );
    env.emu.clearRequests();
    const run = await env.cli('sync', '--prune', '--yes', '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'error',
      error: {
        code: 'PRUNE_EVERYTHING_REFUSED',
        message: expect.stringContaining('flow/**/*.ts') as unknown,
      },
    });
    // A dry run says what the real run would: refused, not "2 to delete".
    const dry = await env.cli('sync', '--prune', '--dry-run', '--json');
    expect(dry.code).toBe(1);
    expect(JSON.parse(dry.stdout)).toMatchObject({ error: { code: 'PRUNE_EVERYTHING_REFUSED' } });
    expect(env.writes()).toEqual([]);
    expect(env.emu.state.count()).toBe(2);
  });
});
