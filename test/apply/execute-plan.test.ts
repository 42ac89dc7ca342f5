import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src/api/index.js';
import { lockRecorder } from '../../src/app/connect.js';
import { MAX_CREATE_ATTEMPTS } from '../../src/apply/create-flow.js';
import { executePlan, type ExecuteOptions } from '../../src/apply/execute-plan.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { contentHash, type Change, type FlowPayload } from '../../src/plan/index.js';
import { openLockStore, type LockStore } from '../../src/state/index.js';
import { closeClients, SENTINEL_KEY, testClient } from '../api/helpers/client.js';
import { tempRoot } from '../state/helpers.js';
import { payload } from '../report/builders.js';

/**
 * The races a plan cannot foresee, played against the emulator with the real
 * API client and lock store: the world changed between planning and applying.
 */
let emu: Emulator;
let api: ApiClient;
let store: LockStore;

beforeEach(async () => {
  emu = await startEmulator({ key: SENTINEL_KEY });
  api = testClient(emu.apiUrl);
  store = await openLockStore({
    root: await tempRoot(),
    section: 'test',
    apiUrl: emu.apiUrl,
    location: 'shared',
  });
});
afterEach(async () => {
  await store.close();
  await closeClients();
  await emu.close();
});

const options = (overrides: Partial<ExecuteOptions> = {}): ExecuteOptions => ({
  api,
  lock: lockRecorder(store),
  concurrency: 4,
  prune: false,
  force: false,
  publish: false,
  ...overrides,
});
const createChange = (key: string, flow: FlowPayload): Change => ({
  kind: 'create',
  key,
  name: flow.name,
  payload: flow,
  hash: contentHash(flow),
});

describe('executePlan when the account changed after planning', () => {
  it('an update whose flow was deleted meanwhile recreates it, once', async () => {
    const flow = payload('Report');
    const gone = emu.state.create({ name: 'Report', steps: flow.steps });
    emu.state.delete(gone.id);
    const edited = payload('Report', 'Edited {{topic}}');
    const [outcome] = await executePlan(
      [
        {
          kind: 'update',
          key: 'report',
          name: 'Report',
          remoteId: gone.id,
          payload: edited,
          hash: contentHash(edited),
        },
      ],
      options(),
    );
    expect(outcome).toMatchObject({ status: 'applied', action: 'recreated' });
    expect(emu.state.count()).toBe(1);
    expect(store.entries().get('report')).toMatchObject({
      id: outcome!.remoteId,
      hash: contentHash(edited),
    });
    expect(outcome!.remoteId).not.toBe(gone.id);
  });

  it('a lost create answer with a second flow of that name made meanwhile is a conflict naming both, not a guess', async () => {
    const flow = payload('Digest');
    emu.setFaults({ commitThenDropRate: 1, seed: 1 });
    const other = emu.state.create({ name: 'Digest', steps: [] }); // someone else, between plan and apply
    const [outcome] = await executePlan([createChange('digest', flow)], options());
    emu.clearFaults();
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'REMOTE_NAME_CONFLICT' } });
    const ids = emu.state.flows().map((f) => f.id);
    expect(ids).toHaveLength(2); // ours landed once, nothing posted again
    for (const id of ids) expect(outcome!.error!.message).toContain(id);
    expect(ids).toContain(other.id);
    expect(store.entries().has('digest')).toBe(false);
  });

  it('a create whose answers keep getting lost without landing gives up after a bounded number of POSTs', async () => {
    // Every create's connection is reset before it lands; the listings that reconcile stay healthy.
    emu.setFaults({ resetRate: 1, methods: ['POST'], seed: 1 });
    const [outcome] = await executePlan([createChange('never', payload('Never Lands'))], options());
    emu.clearFaults();
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'API_AMBIGUOUS_WRITE' } });
    const posts = emu.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(MAX_CREATE_ATTEMPTS);
    expect(posts.every((r) => r.fault === 'reset')).toBe(true);
    expect(emu.state.count()).toBe(0);
    // Each POST in doubt was checked against the account before the next one.
    expect(emu.requests.filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(
      MAX_CREATE_ATTEMPTS - 1,
    );
    // The intent stays in doubt for the next run to reconcile.
    expect((await store.commit()).pendingCreates).toEqual([
      { key: 'never', name: 'Never Lands', hash: contentHash(payload('Never Lands')) },
    ]);
  });

  it('a delete whose flow is already gone still drops the entry', async () => {
    const made = emu.state.create({ name: 'Old', steps: [] });
    await store.recordCreated({
      key: 'old',
      id: made.id,
      name: 'Old',
      hash: contentHash(payload('Old')),
    });
    emu.state.delete(made.id);
    const [outcome] = await executePlan(
      [{ kind: 'delete', key: 'old', name: 'Old', remoteId: made.id, alreadyGone: false }],
      options({ prune: true }),
    );
    expect(outcome).toMatchObject({ status: 'applied', action: 'deleted' });
    expect(store.entries().has('old')).toBe(false);
  });
});

describe('executePlan records create intents in batches', () => {
  it('makes every intent of a batch durable before the first of its POSTs', async () => {
    const events: string[] = [];
    const recorder = lockRecorder(store);
    const lock = {
      ...recorder,
      recordIntent: async (key: string, name: string, hash: string) => {
        events.push(`intent ${key}`);
        await recorder.recordIntent(key, name, hash);
        events.push(`durable ${key}`);
      },
    };
    const createFlow: ApiClient['createFlow'] = (body) => {
      events.push(`POST ${body.name}`);
      return api.createFlow(body);
    };
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const outcomes = await executePlan(
      keys.map((key) => createChange(key, payload(`Flow ${key}`))),
      options({ lock, api: { ...api, createFlow } }),
    );
    expect(outcomes.map((o) => o.action)).toEqual(keys.map(() => 'created'));
    const firstPost = events.findIndex((e) => e.startsWith('POST'));
    expect(events.slice(0, firstPost).filter((e) => e.startsWith('durable'))).toHaveLength(5);
    expect(events.filter((e) => e.startsWith('intent'))).toHaveLength(5);
    expect(emu.state.count()).toBe(5);
  });
});
