import { describe, expect, it } from 'vitest';
import { type EmulatorProject, useEmulatorProject } from '../helpers/emulator-project.js';

let env: EmulatorProject;
const startEmulatorProject = useEmulatorProject();

describe('sync under injected faults', () => {
  it('200 flows through 500/503, 429, resets and commit-then-drop end as exactly 200 remote flows', async () => {
    env = await startEmulatorProject(200, {
      faults: {
        errorRate: 0.1,
        rateLimitRate: 0.05,
        retryAfterSeconds: 0,
        resetRate: 0.02,
        commitThenDropRate: 0.02,
        seed: 42,
      },
    });
    const run = await env.cli('sync', '--json');
    expect(run.code, run.stderr).toBe(0);
    const injected = env.emu.requests.filter((r) => r.fault);
    // The faults really happened, including writes that landed without an answer.
    expect(injected.filter((r) => r.fault === 'commit-then-drop').length).toBeGreaterThan(0);
    expect(injected.filter((r) => r.fault === 'reset').length).toBeGreaterThan(0);
    expect(injected.filter((r) => r.fault === 'rate-limit').length).toBeGreaterThan(0);

    expect(env.emu.state.count()).toBe(200);
    const names = env.emu.state.flows().map((f) => f.name);
    expect(new Set(names).size).toBe(200);
    const lock = env.lockfile().environments.test!.flows;
    expect(Object.keys(lock)).toHaveLength(200);
    expect(new Set(Object.values(lock).map((e) => e.id)).size).toBe(200);
    expect(new Set(Object.values(lock).map((e) => e.id))).toEqual(
      new Set(env.emu.state.flows().map((f) => f.id)),
    );

    env.emu.clearFaults();
    const plan = await env.cli('plan', '--refresh', '--exit-code');
    expect(plan.code, plan.stdout).toBe(0);
  });
});
