/**
 * The six ways a flow's latest content ends up published by someone other than the sync that
 * is running (issue 18): a publish whose answer a killed run never recorded, a create or
 * adoption of a flow that is already live, a publish made in the dashboard. Each must converge
 * under either reading of the API document (vitest.config.ts runs this file under both): every
 * later `sync` exits 0, `plan --exit-code` exits 0, and `versions` marks the live version as the
 * one holding the code — never "behind the code (sync publishes it)" for content already live.
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEmulatorProject,
  SENTINEL_KEY,
  type EmulatorProject,
} from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';
import { READING } from '../helpers/reading.js';
import { spawnCli } from '../helpers/spawn-cli.js';

let env: EmulatorProject;
afterEach(async () => {
  for (const text of env.outputs) expect(text).not.toContain(SENTINEL_KEY);
  await env.cleanup();
});

const keyOf = (i: number) => `flow-${String(i).padStart(3, '0')}`;
const flowsIn = (envName = 'test') => env.lockfile().environments[envName]?.flows ?? {};
/** The built CLI as a child process, SIGKILLed once `killWhen` says so. */
const spawned = (args: string[], killWhen?: () => boolean) =>
  spawnCli(env.project.root, args, killWhen);

/**
 * The three checks, for `keys` (in `envName`): two more syncs exit 0 (the second writes
 * nothing), `plan --exit-code` exits 0, and `versions` says the live version is the code.
 */
async function expectConverged(keys: readonly string[], envName?: string): Promise<void> {
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

describe(`the core path converges (${READING} reading)`, () => {
  it('after syncs SIGKILLed under faults (publishes landed, their answers lost)', async () => {
    env = await createEmulatorProject(40);
    let seed = 99;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 4; round += 1) {
      // Each round edits some flows, so updates and their publishes are in flight too.
      for (let i = 0; i < 40; i += 1) {
        if (round > 0 && random() < 0.3) {
          env.project.write(
            `flows/${keyOf(i)}.ts`,
            flowSource(keyOf(i), `Flow ${i}`, { prompt: `Round ${round} {{topic}}` }),
          );
        }
      }
      env.emu.setFaults({
        seed: round + 1,
        randomLatencyMs: { min: 1, max: 10 },
        errorRate: 0.05,
        commitThenDropRate: 0.15,
        resetRate: 0.03,
      });
      const before = env.emu.requests.filter((r) => r.method !== 'GET').length;
      const after = 6 + Math.floor(random() * 20);
      await spawned(
        ['sync'],
        () => env.emu.requests.filter((r) => r.method !== 'GET').length - before >= after,
      );
      env.emu.clearFaults();
    }
    await expectConverged([keyOf(0), keyOf(17), keyOf(39)]);
    expect(env.emu.state.count()).toBe(40);
  }, 120_000);

  it('after Ctrl-C, then a sync', async () => {
    env = await createEmulatorProject(30, { faults: { latencyMs: 10 } });
    // Publishes in flight when Ctrl-C lands: answered or not, the next sync must settle them.
    const publishing = () => env.emu.requests.filter((r) => r.path.endsWith('/publish')).length;
    const run = await spawnCli(env.project.root, ['sync'], () => publishing() >= 3, 'SIGINT');
    expect(run.code, run.output).toBe(130);
    env.emu.clearFaults();
    await expectConverged([keyOf(0), keyOf(29)]);
  }, 60_000);

  it('after a sync SIGKILLed with its writer lock left behind (a stale lock)', async () => {
    env = await createEmulatorProject(20, { faults: { latencyMs: 5 } });
    const killed = await spawned(['sync'], () =>
      env.emu.requests.some((r) => r.path.endsWith('/publish')),
    );
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(env.project.path('.runtype/sync.pid'))).toBe(true); // left behind
    env.emu.clearFaults();
    const next = await spawned(['sync']);
    expect(next.code, next.output).toBe(0);
    await expectConverged([keyOf(0), keyOf(19)]);
  }, 60_000);

  it('adopting an existing flow that is already published', async () => {
    env = await createEmulatorProject(0);
    env.project.write('flows/a.ts', flowSource('a', 'Flow A'));
    // Made and published elsewhere, with the content the code has.
    const step = {
      id: 'draft',
      name: 'Draft',
      type: 'prompt',
      order: 1,
      enabled: true,
      config: { model: 'gpt-4', userPrompt: 'Write about {{topic}}', outputVariable: 'draft' },
    };
    const made = env.emu.state.create({ name: 'Flow A', steps: [step] });
    // The first reading leaves a draft after a create; the second publishes at once.
    const drafts = env.emu.state.versions(made.id).filter((v) => v.versionType === 'draft');
    for (const _draft of drafts) env.emu.state.publish(made.id);
    expect(env.emu.state.versions(made.id).map((v) => v.versionType)).toEqual(['published']);
    const run = await env.cli('sync', '--json');
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.stdout).outcomes).toEqual([
      expect.objectContaining({ key: 'a', action: 'adopted', published: true }),
    ]);
    await expectConverged(['a']);
  });

  it('two environments adopting one flow', async () => {
    env = await createEmulatorProject(2);
    const config = env.project.read('runtype.config.ts');
    const url = JSON.stringify(env.emu.url);
    env.project.write(
      'runtype.config.ts',
      config.replace(
        /environments: \{[^\n]*\n/,
        `environments: {\n    test: { url: ${url}, apiKeyEnv: 'RUNTYPE_API_KEY' },\n` +
          `    other: { url: ${url}, apiKeyEnv: 'RUNTYPE_API_KEY' },\n  },\n`,
      ),
    );
    expect((await env.cli('sync')).code).toBe(0);
    const run = await env.cli('sync', '--env', 'other', '--yes', '--json');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).outcomes).toEqual([
      expect.objectContaining({ action: 'adopted', published: true }),
      expect.objectContaining({ action: 'adopted', published: true }),
    ]);
    expect(flowsIn('other')[keyOf(0)]!.id).toBe(flowsIn('test')[keyOf(0)]!.id);
    expect(env.emu.state.count()).toBe(2);
    await expectConverged([keyOf(0)], 'other');
    await expectConverged([keyOf(1)], 'test');
  });

  it('a publish made in the dashboard after sync --no-publish', async () => {
    env = await createEmulatorProject(2);
    expect((await env.cli('sync')).code).toBe(0);
    env.project.write(
      `flows/${keyOf(0)}.ts`,
      flowSource(keyOf(0), 'Flow 0', { prompt: 'Edited {{topic}}' }),
    );
    expect((await env.cli('sync', '--no-publish')).code).toBe(0);
    const id = flowsIn()[keyOf(0)]!.id;
    env.emu.state.publish(id); // in the dashboard
    const run = await env.cli('sync', '--json');
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.stdout).outcomes).toEqual([
      expect.objectContaining({ key: keyOf(0), action: 'published', published: true }),
      expect.objectContaining({ key: keyOf(1), status: 'unchanged' }),
    ]);
    await expectConverged([keyOf(0), keyOf(1)]);
  });
});
