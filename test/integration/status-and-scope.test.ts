import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { acquireWriterLock } from '../../src/state/index.js';
import { type EmulatorProject, useEmulatorProject } from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';

let env: EmulatorProject;
const startEmulatorProject = useEmulatorProject();

type StatusDoc = {
  status: string;
  command: string;
  remoteChecked: boolean;
  flows: { key: string; name: string; state: string; remoteId?: string }[];
};

describe('status', () => {
  it('reads in full only the flows whose listed updatedAt moved since the last write', async () => {
    env = await startEmulatorProject(3);
    expect((await env.cli('sync')).code).toBe(0);
    const entries = env.lockfile().environments.test!.flows;
    expect(entries['flow-000']?.updatedAt).toBe(
      env.emu.state.get(entries['flow-000']!.id)?.updatedAt,
    );
    // An edit made right after the write (same millisecond, on a fast machine) still moves it.
    env.emu.state.update(entries['flow-001']!.id, { name: 'Flow 1 (edited in the dashboard)' });
    env.emu.clearRequests();

    const run = await env.cli('status', '--json');
    expect(run.code, run.stderr).toBe(0);
    const states = (JSON.parse(run.stdout) as StatusDoc).flows.map((f) => [f.key, f.state]);
    expect(Object.fromEntries(states)).toEqual({
      'flow-000': 'in-sync',
      'flow-001': 'drift',
      'flow-002': 'in-sync',
    });
    const reads = env.emu.requests.filter((r) => r.path.startsWith('/v1/flows/'));
    expect(reads.map((r) => r.path)).toEqual([`/v1/flows/${entries['flow-001']!.id}`]);

    // An explicit --refresh reads every flow (the way around trusting updatedAt).
    env.emu.clearRequests();
    expect((await env.cli('plan', '--refresh')).code).toBe(0);
    const all = env.emu.requests.filter((r) => r.path.startsWith('/v1/flows/'));
    expect(all).toHaveLength(3);
  });

  it('shows every state in one JSON document: in-sync, changed, new, drift, missing, removed', async () => {
    env = await startEmulatorProject(5);
    expect((await env.cli('sync')).code).toBe(0);
    const ids = Object.fromEntries(
      Object.entries(env.lockfile().environments.test!.flows).map(([key, entry]) => [
        key,
        entry.id,
      ]),
    );
    env.project.write(
      'flows/flow-001.ts',
      flowSource('flow-001', 'Flow 1', { prompt: 'Changed {{topic}}' }),
    );
    env.project.write('flows/flow-new.ts', flowSource('flow-new', 'Flow New'));
    env.emu.state.update(ids['flow-002']!, { name: 'Flow 2 (edited in the dashboard)' });
    env.emu.state.delete(ids['flow-003']!);
    env.project.remove('flows/flow-004.ts');

    const run = await env.cli('status', '--json');
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as StatusDoc;
    expect(doc).toMatchObject({ status: 'ok', command: 'status', remoteChecked: true });
    expect(Object.fromEntries(doc.flows.map((f) => [f.key, f.state]))).toEqual({
      'flow-000': 'in-sync',
      'flow-001': 'changed',
      'flow-002': 'drift',
      'flow-003': 'missing',
      'flow-004': 'removed',
      'flow-new': 'new',
    });
    expect(doc.flows.find((f) => f.key === 'flow-000')?.remoteId).toBe(ids['flow-000']);

    const text = await env.cli('status');
    expect(text.stdout).toMatch(new RegExp(`flow-002\\s+Flow 2\\s+${ids['flow-002']!}\\s+drift`));
    expect(text.stdout).toContain('1 in-sync, 1 changed, 1 new, 1 removed, 1 drift, 1 missing.');
  });

  it('--offline needs no key and no server', async () => {
    env = await startEmulatorProject(1);
    const run = await env.cli('status', '--offline', '--json');
    expect(run.code).toBe(0);
    expect(env.emu.requests).toHaveLength(0);
    expect((JSON.parse(run.stdout) as StatusDoc).flows).toMatchObject([
      { key: 'flow-000', state: 'new' },
    ]);
  });
});

describe('plan and status list the account while the flows load (app/plan/listing-ahead.ts)', () => {
  it('lists once, on the connection opened early, and plans from that listing', async () => {
    env = await startEmulatorProject(3);
    expect((await env.cli('sync')).code).toBe(0);
    env.project.write('flows/flow-000.ts', flowSource('flow-000', 'Flow 0', { prompt: 'Edited' }));
    env.emu.clearRequests();
    const run = await env.cli('plan', '--json');
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as { changes: { key: string; kind: string }[] };
    expect(doc.changes.map((c) => [c.key, c.kind])).toEqual([
      ['flow-000', 'update'],
      ['flow-001', 'noop'],
      ['flow-002', 'noop'],
    ]);
    const listings = env.emu.requests.filter((r) => r.method === 'GET' && r.path === '/v1/flows');
    expect(listings).toHaveLength(1);
  });

  it('a project whose flows do not load fails as before, and nothing is written', async () => {
    env = await startEmulatorProject(2);
    expect((await env.cli('sync')).code).toBe(0);
    env.project.write('flows/flow-001.ts', 'export default {');
    env.emu.clearRequests();
    const run = await env.cli('status');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('flows/flow-001.ts');
    expect(env.writes()).toEqual([]);
  });
});

describe('--only', () => {
  it('writes only the named flows; the rest stay pending', async () => {
    env = await startEmulatorProject(3);
    const run = await env.cli('sync', '--only', 'flow-001', '--json');
    expect(run.code).toBe(0);
    expect(env.emu.state.flows().map((f) => f.name)).toEqual(['Flow 1']);
    expect(Object.keys(env.lockfile().environments.test!.flows)).toEqual(['flow-001']);
    const plan = await env.cli('plan', '--exit-code');
    expect(plan.code).toBe(2);
  });
});

describe('one writer at a time', () => {
  it('a sync while another holds the lock is refused before any write; plan still works', async () => {
    env = await startEmulatorProject(2);
    const held = await acquireWriterLock(env.project.root);
    try {
      const run = await env.cli('sync', '--json');
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout)).toMatchObject({
        status: 'error',
        error: { code: 'LOCK_BUSY' },
      });
      expect(env.writes()).toEqual([]);
      expect(existsSync(env.project.path('runtype.lock.json'))).toBe(false);
      expect((await env.cli('plan')).code).toBe(0);
    } finally {
      await held.release();
    }
  });
});

describe('a personal environment', () => {
  it('keeps its lock state under .runtype/lock/ and leaves runtype.lock.json alone', async () => {
    env = await startEmulatorProject(2);
    env.project.write(
      'runtype.config.ts',
      env.project
        .read('runtype.config.ts')
        .replace(
          "apiKeyEnv: 'RUNTYPE_API_KEY' }",
          "apiKeyEnv: 'RUNTYPE_API_KEY', personal: true }",
        ),
    );
    expect((await env.cli('sync')).code).toBe(0);
    expect(existsSync(env.project.path('runtype.lock.json'))).toBe(false);
    expect(existsSync(env.project.path('.runtype/lock/test.json'))).toBe(true);
    env.emu.clearRequests();
    expect((await env.cli('sync')).code).toBe(0);
    expect(env.writes()).toEqual([]);
  });
});
