import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src/api/index.js';
import { planAgainstRemote } from '../../src/app/plan/remote-plan.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import {
  contentHash,
  readRemoteFlow,
  type DesiredFlow,
  type FlowPayload,
  type TrackedFlow,
} from '../../src/plan/index.js';
import { closeClients, SENTINEL_KEY, testClient } from '../api/helpers/client.js';
import { payload } from '../report/builders.js';

/**
 * A watch cycle plans only the keys that changed, reading only what they
 * touch; a full sync plans everything from a listing of the account. On
 * every key both plan, they must decide the same (with --refresh: a cycle
 * reads every tracked flow it plans, so it sees drift on it as --refresh does).
 */
let emu: Emulator;
let api: ApiClient;
beforeEach(async () => {
  emu = await startEmulator({ key: SENTINEL_KEY });
  api = testClient(emu.apiUrl);
});
afterEach(async () => {
  await closeClients();
  await emu.close();
});

const desired = (key: string, flow: FlowPayload): DesiredFlow => ({
  key,
  payload: flow,
  hash: contentHash(flow),
});

interface World {
  desired: DesiredFlow[];
  tracked: Map<string, TrackedFlow>;
  pending?: { key: string; name: string }[];
  /** The keys a cycle plans. */
  keys: string[];
}

/** A flow synced by the tool earlier: on the remote, and in the lock state under `key`. */
async function synced(
  tracked: Map<string, TrackedFlow>,
  key: string,
  flow: FlowPayload,
): Promise<string> {
  const created = await api.createFlow(flow);
  tracked.set(key, {
    id: created.id,
    hash: contentHash(flow),
    name: flow.name,
    remoteHash: readRemoteFlow(created).stateHash,
  });
  return created.id;
}

const scenarios: [string, () => World | Promise<World>][] = [
  [
    'a key changed in code after its old key left in an earlier cycle, the remote renamed meanwhile',
    async () => {
      const tracked = new Map<string, TrackedFlow>();
      await synced(tracked, 'a', payload('A'));
      const b = await synced(tracked, 'b', payload('B'));
      emu.state.update(b, { name: 'B (renamed in the dashboard)' });
      return {
        desired: [desired('a', payload('A')), desired('b-new', payload('B'))],
        tracked,
        keys: ['b-new'],
      };
    },
  ],
  [
    'a key changed in code within one cycle',
    async () => {
      const tracked = new Map<string, TrackedFlow>();
      await synced(tracked, 'b', payload('B'));
      return {
        desired: [desired('b-new', payload('B', 'changed too {{topic}}'))],
        tracked,
        keys: ['b', 'b-new'],
      };
    },
  ],
  [
    'a key changed in code whose old flow is gone remotely',
    async () => {
      const tracked = new Map<string, TrackedFlow>();
      emu.state.delete(await synced(tracked, 'b', payload('B')));
      return { desired: [desired('b-new', payload('B'))], tracked, keys: ['b-new'] };
    },
  ],
  [
    'two old keys of the same name left the code (no guess)',
    async () => {
      const tracked = new Map<string, TrackedFlow>();
      await synced(tracked, 'b1', payload('B'));
      await synced(tracked, 'b2', payload('B'));
      return { desired: [desired('b-new', payload('B'))], tracked, keys: ['b-new'] };
    },
  ],
  [
    'a new flow adopts an untracked remote flow of its name',
    () => {
      emu.state.create({ name: 'Dash', flowSteps: [] });
      return { desired: [desired('dash', payload('Dash'))], tracked: new Map(), keys: ['dash'] };
    },
  ],
  [
    'a new flow whose name two untracked remote flows carry',
    () => {
      emu.state.create({ name: 'Twice', flowSteps: [] });
      emu.state.create({ name: 'Twice', flowSteps: [] });
      return { desired: [desired('twice', payload('Twice'))], tracked: new Map(), keys: ['twice'] };
    },
  ],
  [
    'an edited flow deleted remotely (missing)',
    async () => {
      const tracked = new Map<string, TrackedFlow>();
      emu.state.delete(await synced(tracked, 'k', payload('K')));
      return { desired: [desired('k', payload('K', 'edited {{topic}}'))], tracked, keys: ['k'] };
    },
  ],
  [
    'an edited flow deleted remotely, and another of its name made in the dashboard',
    async () => {
      const tracked = new Map<string, TrackedFlow>();
      emu.state.delete(await synced(tracked, 'k', payload('K')));
      emu.state.create({ name: 'K', flowSteps: [] });
      return { desired: [desired('k', payload('K', 'edited {{topic}}'))], tracked, keys: ['k'] };
    },
  ],
  [
    'an edited flow that drifted',
    async () => {
      const tracked = new Map<string, TrackedFlow>();
      emu.state.update(await synced(tracked, 'k', payload('K')), { name: 'K (dashboard)' });
      return { desired: [desired('k', payload('K', 'edited {{topic}}'))], tracked, keys: ['k'] };
    },
  ],
  [
    'an unchanged flow that drifted, and a plain edit',
    async () => {
      const tracked = new Map<string, TrackedFlow>();
      emu.state.update(await synced(tracked, 'k', payload('K')), { name: 'K (dashboard)' });
      await synced(tracked, 'e', payload('E'));
      return {
        desired: [desired('k', payload('K')), desired('e', payload('E', 'edited {{topic}}'))],
        tracked,
        keys: ['k', 'e'],
      };
    },
  ],
  [
    'a create left in doubt under its old name',
    () => {
      emu.state.create({ name: 'Old name', flowSteps: [] });
      return {
        desired: [desired('p', payload('New name'))],
        tracked: new Map(),
        pending: [{ key: 'p', name: 'Old name' }],
        keys: ['p'],
      };
    },
  ],
  [
    'a flow removed from code',
    async () => {
      const tracked = new Map<string, TrackedFlow>();
      await synced(tracked, 'gone', payload('Gone'));
      emu.state.delete(await synced(tracked, 'gone-twice', payload('Gone twice')));
      return { desired: [desired('x', payload('X'))], tracked, keys: ['gone', 'gone-twice'] };
    },
  ],
];

describe('planAgainstRemote: planning only some keys agrees with planning every flow', () => {
  it.each(scenarios)('%s', async (_name, build) => {
    const world = await build();
    const connection = {
      api,
      lock: { entries: () => world.tracked, pendingCreates: world.pending ?? [] },
    };
    const full = await planAgainstRemote(connection, world.desired, { refresh: true });
    const changed = await planAgainstRemote(connection, world.desired, { keys: world.keys });
    expect(full.listedAll).toBe(true);
    expect(changed.listedAll).toBe(false);
    expect(changed.plan.changes.length).toBeGreaterThan(0);
    for (const change of changed.plan.changes)
      expect(change).toEqual(full.plan.changes.find((c) => c.key === change.key));
  });
});
