import { afterEach, describe, expect, it } from 'vitest';
import type { WatchOptions } from '../../src/app/watch/cycle.js';
import { createEmulatorProject, type EmulatorProject } from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';
import {
  createFakeWatcher,
  startWatch,
  type Event,
  type FakeWatcher,
  type WatchRun,
} from './helpers.js';

/** The rules of sync hold in watch cycles too, although each cycle reads only what changed. */
let env: EmulatorProject;
let run: WatchRun | undefined;
let watcher: FakeWatcher;
afterEach(async () => {
  await run?.stop();
  run = undefined;
  await env.cleanup();
});

async function watchSynced(flowCount: number, options: WatchOptions = {}): Promise<void> {
  env = await createEmulatorProject(flowCount);
  expect((await env.cli('sync')).code).toBe(0);
  watcher = createFakeWatcher();
  run = startWatch(env.project.root, watcher, options);
  await run.next((e) => e.event === 'ready');
  env.emu.clearRequests();
}

/** Writes a flow file, reports it changed and resolves with the cycle's event. */
async function save(
  relative: string,
  source: string,
  kind: 'add' | 'change' = 'change',
): Promise<Event> {
  const file = env.project.write(relative, source);
  const pending = run!.next(
    (e) => e.event === 'cycle' || e.event === 'invalid' || e.event === 'error',
    run!.events.length,
  );
  watcher.fire({ kind, path: file });
  return pending;
}

const idOf = (key: string) => env.lockfile().environments.test!.flows[key]?.id;

describe('watch cycles follow the sync rules', () => {
  it('drift is refused without --force and nothing is written', async () => {
    await watchSynced(2);
    const id = idOf('flow-001')!;
    env.emu.state.update(id, { name: 'Renamed in the dashboard' });
    const cycle = await save(
      'flows/flow-001.ts',
      flowSource('flow-001', 'Flow 1', { prompt: 'new code {{topic}}' }),
    );
    expect(cycle).toMatchObject({
      blocked: { reason: 'drift', keys: ['flow-001'] },
      counts: { refused: 1 },
    });
    expect(env.writes()).toEqual([]);
    expect(env.emu.state.get(id)!.name).toBe('Renamed in the dashboard');
  });

  it('with --force, drift is overwritten', async () => {
    await watchSynced(1, { force: true });
    const id = idOf('flow-000')!;
    env.emu.state.update(id, { name: 'Renamed in the dashboard' });
    expect(
      await save(
        'flows/flow-000.ts',
        flowSource('flow-000', 'Flow 0', { prompt: 'new code {{topic}}' }),
      ),
    ).toMatchObject({ ok: true, counts: { updated: 1 } });
    expect(env.emu.state.get(id)!.name).toBe('Flow 0');
  });

  it('a key changed in code moves the lock entry: no POST, no DELETE', async () => {
    await watchSynced(2);
    const id = idOf('flow-001')!;
    env.project.remove('flows/flow-001.ts');
    const cycle = await save('flows/renamed.ts', flowSource('renamed-key', 'Flow 1'), 'add');
    expect(cycle).toMatchObject({ ok: true, counts: { adopted: 1 } });
    expect(env.writes()).toEqual([]);
    expect(idOf('renamed-key')).toBe(id);
    expect(idOf('flow-001')).toBeUndefined();
    expect(env.emu.state.count()).toBe(2);
  });

  it('a key changed in code across two cycles (old file removed first, renamed remotely meanwhile) is adopted as sync plans it, not duplicated', async () => {
    await watchSynced(2);
    const id = idOf('flow-001')!;
    env.project.remove('flows/flow-001.ts');
    const removed = run!.next((e) => e.event === 'cycle', run!.events.length);
    watcher.fire({ kind: 'unlink', path: env.project.path('flows/flow-001.ts') });
    expect(await removed).toMatchObject({ counts: { skipped: 1 } });
    env.emu.state.update(id, { name: 'Flow 1 (renamed in the dashboard)' });
    env.project.write('flows/flow-001-new.ts', flowSource('flow-001-new', 'Flow 1'));
    // What `plan` (a full read of the account) says the same save does:
    const planned = JSON.parse((await env.cli('plan', '--json')).stdout) as {
      changes: { key: string }[];
    };
    expect(planned.changes.find((c) => c.key === 'flow-001-new')).toMatchObject({
      kind: 'adopt',
      previousKey: 'flow-001',
    });
    env.emu.clearRequests();
    expect(
      await save('flows/flow-001-new.ts', flowSource('flow-001-new', 'Flow 1'), 'add'),
    ).toMatchObject({ ok: true, counts: { adopted: 1, created: 0 } });
    // The content changed remotely, so it is put back and published (the environment publishes).
    expect(env.writes()).toEqual([
      { method: 'PUT', path: `/v1/flows/${id}` },
      { method: 'POST', path: `/v1/flows/${id}/publish` },
    ]);
    expect(idOf('flow-001-new')).toBe(id);
    expect(env.emu.state.count()).toBe(2);
  });

  it('a new flow whose name an untracked remote flow already has adopts it instead of creating a duplicate', async () => {
    await watchSynced(1);
    const existing = env.emu.state.create({ name: 'Made in the dashboard', flowSteps: [] });
    env.emu.clearRequests();
    expect(
      await save('flows/dash.ts', flowSource('dash', 'Made in the dashboard'), 'add'),
    ).toMatchObject({ ok: true, counts: { adopted: 1, created: 0 } });
    expect(env.writes()).toEqual([
      { method: 'PUT', path: `/v1/flows/${existing.id}` },
      { method: 'POST', path: `/v1/flows/${existing.id}/publish` },
    ]);
    expect(idOf('dash')).toBe(existing.id);
  });

  it('an edited flow deleted remotely in the meantime is recreated', async () => {
    await watchSynced(1);
    env.emu.state.delete(idOf('flow-000')!);
    expect(
      await save(
        'flows/flow-000.ts',
        flowSource('flow-000', 'Flow 0', { prompt: 'again {{topic}}' }),
      ),
    ).toMatchObject({ ok: true, counts: { recreated: 1 } });
    expect(env.emu.state.count()).toBe(1);
    expect(env.emu.state.get(idOf('flow-000')!)).toBeDefined();
  });

  it('a config edit that points elsewhere is refused until restart; the session stays on its target', async () => {
    await watchSynced(1);
    const config = env.project.read('runtype.config.ts');
    const moved = config.replace(/url: "[^"]+"/, 'url: "http://127.0.0.1:9/"');
    const cycle = await save('runtype.config.ts', moved);
    expect(cycle).toMatchObject({
      event: 'error',
      fatal: false,
      error: { code: 'WATCH_TARGET_CHANGED' },
    });
    expect(env.emu.requests).toEqual([]);
    env.project.write('runtype.config.ts', config);
    expect(
      await save(
        'flows/flow-000.ts',
        flowSource('flow-000', 'Flow 0', { prompt: 'after {{topic}}' }),
      ),
    ).toMatchObject({ ok: true, counts: { updated: 1 } });
  });

  it('--only limits every cycle to those keys', async () => {
    await watchSynced(2, { only: ['flow-000'] });
    expect(
      await save(
        'flows/flow-001.ts',
        flowSource('flow-001', 'Flow 1', { prompt: 'ignored {{topic}}' }),
      ),
    ).toMatchObject({ outcomes: [] });
    expect(env.emu.requests).toEqual([]);
    expect(
      await save(
        'flows/flow-000.ts',
        flowSource('flow-000', 'Flow 0', { prompt: 'kept {{topic}}' }),
      ),
    ).toMatchObject({ counts: { updated: 1 } });
  });
});
