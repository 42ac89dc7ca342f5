import { afterEach, describe, expect, it } from 'vitest';
import {
  createEmulatorProject,
  SENTINEL_KEY,
  type EmulatorProject,
} from '../helpers/emulator-project.js';
import { expectConverged } from '../helpers/converged.js';
import { READING } from '../helpers/reading.js';
import { spawnCli } from '../helpers/spawn-cli.js';

let env: EmulatorProject;
afterEach(async () => {
  await env.cleanup();
});

describe(`Ctrl-C (${READING} reading)`, () => {
  it('stops a sync with exit 130, keeps what was done in the lockfile, and the next sync finishes the rest', async () => {
    env = await createEmulatorProject(120, { faults: { latencyMs: 15 } });
    // Ctrl-C once 20 flows exist: creates (and their publishes) are in flight.
    const { code, output } = await spawnCli(
      env.project.root,
      ['sync'],
      () => env.emu.state.count() >= 20,
      'SIGINT',
    );
    expect(code, output).toBe(130);
    expect(output).toMatch(/Interrupted: \d+ changes? not started/);
    // Requests Ctrl-C cut off in flight may have been processed: interrupted, never "failed".
    expect(output).not.toContain('was cancelled');
    expect(output).toMatch(/cut off in flight/);
    const created = env.emu.state.count();
    expect(created).toBeLessThan(120);
    // Everything that was created and answered is in the lockfile already; an aborted POST may
    // have landed unanswered, which the next run adopts by name.
    const tracked = Object.keys(env.lockfile().environments.test!.flows).length;
    expect(tracked).toBeGreaterThanOrEqual(created - 16);

    const rerun = await env.cli('sync');
    expect(rerun.code).toBe(0);
    expect(env.emu.state.count()).toBe(120);
    expect(Object.keys(env.lockfile().environments.test!.flows)).toHaveLength(120);
    expect(output).not.toContain(SENTINEL_KEY);
    // Publishes cut off in flight were settled, under either reading (issue 18).
    await expectConverged(env, ['flow-000', 'flow-019', 'flow-119']);
  }, 60_000);
});
