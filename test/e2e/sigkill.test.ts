import { existsSync } from 'node:fs';
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

/** `sync` as a real child process, SIGKILLed once `killWhen` says so. */
const syncProcess = (cwd: string, killWhen?: () => boolean) => spawnCli(cwd, ['sync'], killWhen);

describe(`crash safety (${READING} reading)`, () => {
  it('SIGKILLed 10 times mid-sync, one clean sync still ends with exactly 200 flows', async () => {
    // A little latency so kills land while writes are in flight.
    env = await createEmulatorProject(200, {
      faults: { randomLatencyMs: { min: 10, max: 40 }, seed: 7 },
    });
    // Kill points spread over start-up, listing and the creates; seeded so a failure replays.
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const kills: number[] = [];
    const signals: (string | null)[] = [];
    for (let i = 0; i < 10; i += 1) {
      // Most kills land after a random number of creates (mid-apply, writes in flight);
      // every third lands at a random moment of start-up, loading or listing.
      const before = env.emu.state.count();
      const started = Date.now();
      const afterCreates = 1 + Math.floor(random() * 18);
      const afterMs = 50 + Math.floor(random() * 600);
      const killWhen =
        i % 3 === 2
          ? () => Date.now() - started >= afterMs
          : () => env.emu.state.count() >= before + afterCreates;
      const result = await syncProcess(env.project.root, killWhen);
      kills.push(env.emu.state.count());
      signals.push(result.signal);
      expect(result.output).not.toContain(SENTINEL_KEY);
    }
    // The last kill left its writer lock behind: the clean run takes it over.
    expect(existsSync(env.project.path('.runtype/sync.pid'))).toBe(true);
    const clean = await syncProcess(env.project.root);
    expect(clean.code, clean.output).toBe(0);
    expect(env.emu.state.count()).toBe(200);
    expect(new Set(env.emu.state.flows().map((f) => f.name)).size).toBe(200);
    const lock = env.lockfile().environments.test!.flows;
    expect(Object.keys(lock)).toHaveLength(200);
    // The kills really interrupted work in progress at different points.
    expect(signals).toEqual(Array(10).fill('SIGKILL'));
    expect(kills.some((n) => n > 0 && n < 200)).toBe(true);
    // A publish a killed run made but never recorded is settled, under either reading (issue 18).
    await expectConverged(env, ['flow-000', 'flow-100', 'flow-199']);
  }, 180_000);
});
