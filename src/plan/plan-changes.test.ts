import { describe, expect, it } from 'vitest';
import { contentHash } from './canonical.js';
import type { FlowPayload } from './payload.js';
import { hasPendingChanges, planChanges } from './plan-changes.js';
import { readRemoteFlow } from './remote-flow.js';
import type { DesiredFlow, RemoteSnapshot, TrackedFlow } from './types.js';

const payload = (name: string, prompt = 'hi'): FlowPayload => ({
  name,
  steps: [
    { id: 's', name: 'S', type: 'prompt', order: 1, enabled: true, config: { userPrompt: prompt } },
  ],
});
const desired = (key: string, p: FlowPayload): DesiredFlow => ({
  key,
  payload: p,
  hash: contentHash(p),
});
const tracked = (id: string, p: FlowPayload): TrackedFlow => ({
  id,
  hash: contentHash(p),
  name: p.name,
});
const read = (p: FlowPayload) => readRemoteFlow({ name: p.name, flowSteps: p.steps }, p.steps);
const remote = (flows: [string, FlowPayload][], details = true): RemoteSnapshot => ({
  listed: flows.map(([id, p]) => ({ id, name: p.name })),
  details: new Map(details ? flows.map(([id, p]) => [id, read(p)]) : []),
});
const kinds = (plan: ReturnType<typeof planChanges>) => plan.changes.map((c) => [c.key, c.kind]);

describe('planChanges', () => {
  it('creates untracked flows and leaves synced ones alone', () => {
    const a = payload('A');
    const plan = planChanges({
      desired: [desired('b', payload('B')), desired('a', a)],
      tracked: new Map([['a', tracked('1', a)]]),
      remote: remote([['1', a]]),
    });
    expect(kinds(plan)).toEqual([
      ['a', 'noop'],
      ['b', 'create'],
    ]);
    expect(plan.summary.create).toBe(1);
    expect(hasPendingChanges(plan)).toBe(true);
  });

  it('updates when the code changed and the remote is what we last wrote', () => {
    const old = payload('A', 'old');
    const plan = planChanges({
      desired: [desired('a', payload('A', 'new'))],
      tracked: new Map([['a', tracked('1', old)]]),
      remote: remote([['1', old]]),
    });
    expect(plan.changes[0]).toMatchObject({ kind: 'update', remoteId: '1', before: old });
  });

  it('reports drift when the remote changed since the last write, code changed or not', () => {
    const synced = payload('A', 'synced');
    const edited = payload('A', 'edited in dashboard');
    const unchanged = planChanges({
      desired: [desired('a', synced)],
      tracked: new Map([['a', tracked('1', synced)]]),
      remote: remote([['1', edited]]),
    });
    expect(unchanged.changes[0]).toMatchObject({ kind: 'drift', codeChanged: false });
    const changed = planChanges({
      desired: [desired('a', payload('A', 'code'))],
      tracked: new Map([['a', tracked('1', synced)]]),
      remote: remote([['1', edited]]),
    });
    expect(changed.changes[0]).toMatchObject({ kind: 'drift', codeChanged: true, before: edited });
  });

  it('adopts exactly one untracked remote flow of the same name; several are a conflict', () => {
    const a = payload('Same Name');
    const one = planChanges({
      desired: [desired('a', a)],
      tracked: new Map(),
      remote: remote([['9', a]]),
    });
    expect(one.changes[0]).toMatchObject({ kind: 'adopt', remoteId: '9', contentMatches: true });
    const two = planChanges({
      desired: [desired('a', a)],
      tracked: new Map(),
      remote: remote([
        ['9', a],
        ['8', a],
      ]),
    });
    expect(two.changes[0]).toMatchObject({ kind: 'conflict', remoteIds: ['8', '9'] });
  });

  it('never adopts a remote flow another key in the code still tracks', () => {
    const a = payload('Shared');
    // "old" was renamed in code, and "new" took over its former name.
    const plan = planChanges({
      desired: [desired('new', a), desired('old', payload('Renamed'))],
      tracked: new Map([['old', tracked('1', a)]]),
      remote: remote([['1', a]]),
    });
    expect(kinds(plan)).toEqual([
      ['new', 'create'],
      ['old', 'update'],
    ]);
  });

  it('a key changed in code (same name) re-keys the tracked flow: no create, no delete', () => {
    const a = payload('Alpha');
    const plan = planChanges({
      desired: [desired('alpha2', a)],
      tracked: new Map([['alpha', tracked('1', a)]]),
      remote: remote([['1', a]]),
    });
    expect(plan.changes).toEqual([
      expect.objectContaining({
        kind: 'adopt',
        key: 'alpha2',
        remoteId: '1',
        previousKey: 'alpha',
        contentMatches: true,
      }),
    ]);
    const offline = planChanges({
      desired: [desired('alpha2', a)],
      tracked: new Map([['alpha', tracked('1', a)]]),
    });
    expect(kinds(offline)).toEqual([['alpha2', 'adopt']]);
  });

  it('a create left in doubt is found under the name it had then, though the flow was renamed since', () => {
    const landed = payload('Old Name');
    const plan = planChanges({
      desired: [desired('k', payload('New Name'))],
      tracked: new Map(),
      remote: remote([['9', landed]]),
      pendingCreates: new Map([['k', 'Old Name']]),
    });
    expect(plan.changes[0]).toMatchObject({
      kind: 'adopt',
      remoteId: '9',
      contentMatches: false,
      matchedName: 'Old Name',
    });
  });

  it('recreates a tracked flow that is gone remotely', () => {
    const a = payload('A');
    const plan = planChanges({
      desired: [desired('a', a)],
      tracked: new Map([['a', tracked('1', a)]]),
      remote: remote([]),
    });
    expect(plan.changes[0]).toMatchObject({ kind: 'missing', previousId: '1' });
  });

  it('offline: no adoption, drift or missing, only code against the lock', () => {
    const a = payload('A');
    const plan = planChanges({
      desired: [desired('a', a), desired('b', payload('B'))],
      tracked: new Map([['a', tracked('1', a)]]),
    });
    expect(kinds(plan)).toEqual([
      ['a', 'noop'],
      ['b', 'create'],
    ]);
    expect(plan.remoteChecked).toBe(false);
  });

  it('--only restricts changes, deletions included', () => {
    const plan = planChanges({
      desired: [desired('a', payload('A')), desired('b', payload('B'))],
      tracked: new Map([['gone', tracked('7', payload('Gone'))]]),
      only: ['b'],
    });
    expect(kinds(plan)).toEqual([['b', 'create']]);
  });

  it('the hash ignores object key order but not step order', () => {
    const x: FlowPayload = {
      name: 'X',
      steps: [{ id: 'a', name: 'A', type: 't', order: 1, enabled: true, config: { p: 1, q: 2 } }],
    };
    const y: FlowPayload = {
      steps: [{ config: { q: 2, p: 1 }, enabled: true, order: 1, type: 't', name: 'A', id: 'a' }],
      name: 'X',
    };
    expect(contentHash(x)).toBe(contentHash(y));
    const reordered: FlowPayload = {
      name: 'X',
      steps: [...x.steps, { ...x.steps[0]!, id: 'b', order: 2 }],
    };
    const swapped: FlowPayload = { name: 'X', steps: [reordered.steps[1]!, reordered.steps[0]!] };
    expect(contentHash(reordered)).not.toBe(contentHash(swapped));
  });
});

describe('planChanges: which version is live', () => {
  const a = payload('A');
  const hash = contentHash(a);
  const plan = (entry: Partial<TrackedFlow>, publish: boolean, live?: string | null) =>
    planChanges({
      desired: [desired('a', a)],
      tracked: new Map([['a', { ...tracked('1', a), ...entry }]]),
      remote: {
        ...remote([['1', a]]),
        ...(live === undefined ? {} : { live: new Map([['1', live]]) }),
      },
      publish,
    });

  it('deployed but not live: a publish change where the environment publishes, a noop elsewhere', () => {
    const publishing = plan({}, true);
    expect(kinds(publishing)).toEqual([['a', 'publish']]);
    expect(hasPendingChanges(publishing)).toBe(true);
    const drafts = plan({}, false);
    expect(drafts.changes).toEqual([expect.objectContaining({ kind: 'noop', published: false })]);
    expect(hasPendingChanges(drafts)).toBe(false);
  });

  it('a pin holds while the code hash is the pinned one, and is no change', () => {
    const pin = { versionId: 'v1', versionNumber: 1, hash };
    const pinned = plan({ pin }, true, 'v1');
    expect(pinned.changes).toEqual([
      expect.objectContaining({ kind: 'noop', pinned: { versionId: 'v1', versionNumber: 1 } }),
    ]);
    expect(hasPendingChanges(pinned)).toBe(false);
    const released = plan({ pin: { ...pin, hash: 'b'.repeat(64) } }, true);
    expect(kinds(released)).toEqual([['a', 'publish']]);
  });

  it('a live version other than the one last made live is live-drift (only when it was read)', () => {
    const entry = { published: hash, publishedVersionId: 'v2' };
    expect(kinds(plan(entry, true))).toEqual([['a', 'noop']]);
    expect(kinds(plan(entry, true, 'v2'))).toEqual([['a', 'noop']]);
    expect(plan(entry, true, 'v1').changes).toEqual([
      expect.objectContaining({ kind: 'live-drift', liveVersionId: 'v1', expectedVersionId: 'v2' }),
    ]);
    // An old lock entry without the version id has no baseline: nothing is claimed.
    expect(kinds(plan({ published: hash }, true, 'v1'))).toEqual([['a', 'noop']]);
  });
});
