import { expect } from 'vitest';
import type { EmulatorProject } from './emulator-project.js';

/**
 * What "converged" means once a flow's content was published by someone other than the sync
 * running now (issue 18): two more syncs exit 0 (the second writes nothing), `plan --exit-code`
 * exits 0 (refreshed too), and `versions` marks the live version of each of `keys` as the one
 * holding the code — never "behind the code (sync publishes it)" for content already live.
 * In-process CLI runs: cheap enough to follow any scenario.
 */
export async function expectConverged(
  env: EmulatorProject,
  keys: readonly string[],
  envName?: string,
): Promise<void> {
  const scope = envName === undefined ? [] : ['--env', envName];
  const first = await env.cli('sync', ...scope);
  expect(first.code, first.stdout + first.stderr).toBe(0);
  env.emu.clearRequests();
  const second = await env.cli('sync', ...scope);
  expect(second.code, second.stdout + second.stderr).toBe(0);
  expect(env.writes()).toEqual([]);
  const plan = await env.cli('plan', '--exit-code', ...scope);
  expect(plan.code, plan.stdout).toBe(0);
  expect((await env.cli('plan', '--refresh', '--exit-code', ...scope)).code).toBe(0);
  for (const key of keys) {
    const run = await env.cli('versions', key, '--json', ...scope);
    expect(run.code, run.stderr).toBe(0);
    const { liveVersionId, versions } = JSON.parse(run.stdout) as {
      liveVersionId: string | null;
      versions: { id: string; live: boolean; matchesCode: boolean }[];
    };
    expect(liveVersionId, key).not.toBeNull();
    expect(
      versions.find((v) => v.live),
      key,
    ).toMatchObject({ matchesCode: true });
    const text = await env.cli('versions', key, ...scope);
    expect(text.stdout).toContain('which is the code.');
    expect(text.stdout).not.toContain('behind the code');
  }
}
