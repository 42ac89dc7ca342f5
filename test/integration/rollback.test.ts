import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SENTINEL_KEY,
  type EmulatorProject,
  useEmulatorProject,
} from '../helpers/emulator-project.js';
import { createTestProject, flowSource } from '../helpers/project.js';
import { READING } from '../helpers/reading.js';
import { runCli } from '../helpers/run-cli.js';

type Entry = { id: string; hash: string; publishedVersionId?: string; pin?: unknown };
const entry = (env: EmulatorProject) =>
  env.lockfile().environments.test!.flows['flow-000'] as Entry;
const editFlow = (env: EmulatorProject, text: string) =>
  env.project.write('flows/flow-000.ts', flowSource('flow-000', 'Flow 0', { prompt: text }));
async function live(env: EmulatorProject, id: string): Promise<string | null> {
  const response = await fetch(`${env.emu.url}/v1/flow-versions/${id}`, {
    headers: { authorization: `Bearer ${SENTINEL_KEY}` },
  });
  return ((await response.json()) as { publishedVersionId: string | null }).publishedVersionId;
}

/**
 * The prompt of the version live now: what products run. Reading-independent — the first
 * reading makes the version asked for live, the second a copy of it (a new number).
 */
async function livePrompt(env: EmulatorProject, id: string): Promise<string> {
  const liveId = await live(env, id);
  const version = env.emu.state.versions(id).find((v) => v.id === liveId)!;
  return (version.steps[0]!.config as { userPrompt: string }).userPrompt;
}
const FIRST = 'Write about {{topic}}';
const SECOND = 'Second {{topic}}';
/** The number the version made live by a rollback has: the same, or the copy's (the next one). */
const liveNumberAfterRollback = (asked: number, newest: number) =>
  READING === 'first' ? asked : newest + 1;

/** Two syncs: version 1 (first code), then version 2 (an edit) live. */
async function twoVersions(): Promise<{ id: string; v1: string; v2: string }> {
  env = await startEmulatorProject(1);
  expect((await env.cli('sync')).code).toBe(0);
  const { id } = entry(env);
  const v1 = (await live(env, id))!;
  editFlow(env, 'Second {{topic}}');
  expect((await env.cli('sync')).code).toBe(0);
  const v2 = (await live(env, id))!;
  expect(v2).not.toBe(v1);
  return { id, v1, v2 };
}

let env: EmulatorProject;
const startEmulatorProject = useEmulatorProject();

describe('rollback KEY --to VERSION', () => {
  it('--to previous makes the earlier version live and pins it; sync leaves it until the code changes', async () => {
    const { id, v1 } = await twoVersions();
    const run = await env.cli('rollback', 'flow-000', '--to', 'previous', '--yes', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      command: 'rollback',
      changed: true,
      from: { versionNumber: 2 },
      to: { versionId: v1, versionNumber: 1 },
    });
    expect(await livePrompt(env, id)).toBe(FIRST);
    const pinnedTo = (await live(env, id))!;
    expect({ reading: READING, same: pinnedTo === v1 }).toEqual({
      reading: READING,
      same: READING === 'first',
    });
    const number = liveNumberAfterRollback(1, 2);
    expect(entry(env).pin).toMatchObject({
      versionId: pinnedTo,
      versionNumber: number,
      hash: entry(env).hash,
    });

    const plan = await env.cli('plan', '--exit-code');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain(`pinned to version ${number}`);
    const refreshed = JSON.parse((await env.cli('plan', '--refresh', '--json')).stdout);
    expect(refreshed.changes).toEqual([
      expect.objectContaining({
        kind: 'noop',
        pinned: { versionId: pinnedTo, versionNumber: number },
      }),
    ]);
    const status = JSON.parse((await env.cli('status', '--json')).stdout);
    expect(status.flows).toEqual([expect.objectContaining({ state: 'pinned' })]);
    expect((await env.cli('status', '--exit-code')).code).toBe(0);
    expect((await env.cli('status', '--refresh', '--exit-code')).code).toBe(0);

    env.emu.clearRequests();
    expect((await env.cli('sync')).code).toBe(0);
    expect((await env.cli('sync', '--refresh')).code).toBe(0);
    expect(env.writes()).toEqual([]);
    expect(await live(env, id)).toBe(pinnedTo);

    // The next edit releases the pin: deployed and published as usual.
    editFlow(env, 'Third {{topic}}');
    env.emu.clearRequests();
    const sync = await env.cli('sync', '--json');
    expect(sync.code, sync.stderr).toBe(0);
    expect(env.writes().map((w) => w.method)).toEqual(['PUT', 'POST']);
    const now = await live(env, id);
    expect(now).not.toBe(pinnedTo);
    expect(await livePrompt(env, id)).toBe('Third {{topic}}');
    expect(entry(env)).toMatchObject({ publishedVersionId: now });
    expect(entry(env).pin).toBeUndefined();
    const versions = JSON.parse((await env.cli('versions', 'flow-000', '--json')).stdout);
    expect(versions.versions[0]).toMatchObject({ id: now, live: true, matchesCode: true });
  });

  it('--to previous twice goes back and forth (the lock records the version before)', async () => {
    const { id, v2 } = await twoVersions();
    expect((await env.cli('rollback', 'flow-000', '--to', 'previous', '--yes')).code).toBe(0);
    expect(await livePrompt(env, id)).toBe(FIRST);
    expect((await env.cli('rollback', 'flow-000', '--to', 'previous', '--yes')).code).toBe(0);
    expect(await livePrompt(env, id)).toBe(SECOND);
    expect((await env.cli('rollback', 'flow-000', '--to', 'v1', '--yes')).code).toBe(0);
    expect(await livePrompt(env, id)).toBe(FIRST);
    expect((await env.cli('rollback', 'flow-000', '--to', v2, '--yes')).code).toBe(0);
    expect(await livePrompt(env, id)).toBe(SECOND);
    // Pinned all along: no rollback was taken for an edit made elsewhere.
    expect((await env.cli('plan', '--refresh', '--exit-code')).code).toBe(0);
  });

  it('without a terminal and without --yes: exit 2, nothing written, the command to re-run', async () => {
    const { id, v2 } = await twoVersions();
    const lockBefore = readFileSync(env.project.path('runtype.lock.json'), 'utf8');
    env.emu.clearRequests();
    const run = await env.cli('rollback', 'flow-000', '--to', 'previous');
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain(
      'runtype-flows rollback flow-000 --to previous --yes',
    );
    expect(env.writes()).toEqual([]);
    expect(readFileSync(env.project.path('runtype.lock.json'), 'utf8')).toBe(lockBefore);
    expect(await live(env, id)).toBe(v2);
    const json = await env.cli('rollback', 'flow-000', '--to', 'previous', '--json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      status: 'blocked',
      blocked: { reason: 'confirmation', keys: ['flow-000'] },
    });
  });

  it('an unknown version or key is a clear error that changes nothing', async () => {
    await twoVersions();
    env.emu.clearRequests();
    const version = await env.cli('rollback', 'flow-000', '--to', '9', '--yes');
    expect(version.code).toBe(1);
    expect(version.stderr).toContain('the flow has no version "9"');
    const key = await env.cli('rollback', 'flow-00', '--to', 'previous', '--yes');
    expect(key.code).toBe(1);
    expect(key.stderr).toContain('did you mean "flow-000"?');
    expect(env.writes()).toEqual([]);
  });
});

describe('versions and rollback offline', () => {
  it('work against the embedded emulator (--env local) of an init project', async () => {
    env = await startEmulatorProject(0); // only for afterEach; this test uses its own project
    const project = createTestProject({ 'package.json': '{ "name": "x", "type": "module" }\n' });
    const cli = async (...args: string[]) => {
      const run = await runCli(args, { cwd: project.root });
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      return run;
    };
    try {
      await cli('init');
      await cli('sync', '--env', 'local');
      const file = 'flows/hello-world.ts';
      project.write(file, project.read(file).replace('one-line friendly', 'short warm'));
      await cli('sync', '--env', 'local');
      const before = JSON.parse(
        (await cli('versions', 'hello-world', '--env', 'local', '--json')).stdout,
      );
      expect(before.versions).toMatchObject([
        { number: 2, live: true, matchesCode: true },
        { number: 1, live: false, matchesCode: false },
      ]);
      await cli('rollback', 'hello-world', '--to', 'previous', '--env', 'local', '--yes');
      const after = await cli('versions', 'hello-world', '--env', 'local');
      const number = liveNumberAfterRollback(1, 2);
      expect(after.stdout).toMatch(new RegExp(`v${number} .*live`));
      expect(after.stdout).toContain(`Pinned to version ${number}`);
      // The version live holds the first code, not the code now (a copy is no exception).
      expect(after.stdout).not.toMatch(/live, code/);
      const plan = await runCli(['plan', '--env', 'local', '--exit-code'], { cwd: project.root });
      expect(plan.code).toBe(0);
    } finally {
      project.cleanup();
    }
  });
});
