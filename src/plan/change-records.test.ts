import { describe, expect, it } from 'vitest';
import { contentHash } from './canonical.js';
import { compareChangeRecords, recordChanges } from './change-records.js';
import type { FlowPayload } from './payload.js';
import { planChanges } from './plan-changes.js';
import { readRemoteFlow } from './remote-flow.js';
import type { Change, Plan, RemoteSnapshot } from './types.js';

const payload = (name: string, prompt = 'hi'): FlowPayload => ({
  name,
  steps: [
    { id: 's', name: 'S', type: 'prompt', order: 1, enabled: true, config: { userPrompt: prompt } },
  ],
});
const snapshot = (id: string, p: FlowPayload): RemoteSnapshot => ({
  listed: [{ id, name: p.name }],
  details: new Map([[id, readRemoteFlow({ name: p.name, flowSteps: p.steps }, p.steps)]]),
});

/** An update of `a` (tracked as id1, last written with 'hi') to `prompt`, against `remote`. */
function planUpdate(prompt: string, remote: RemoteSnapshot): Plan {
  const written = payload('A');
  const code = payload('A', prompt);
  return planChanges({
    desired: [{ key: 'a', payload: code, hash: contentHash(code) }],
    tracked: new Map([['a', { id: 'id1', hash: contentHash(written), name: 'A' }]]),
    remote,
  });
}

describe('saved plan records', () => {
  it('record the code hash, remote id and remote hash each change was made against', () => {
    const remote = snapshot('id1', payload('A'));
    const [record] = recordChanges(planUpdate('new', remote), remote);
    expect(record).toMatchObject({
      key: 'a',
      kind: 'update',
      codeHash: contentHash(payload('A', 'new')),
      remoteId: 'id1',
      remoteHash: remote.details.get('id1')?.stateHash,
    });
  });

  it('the same inputs give the same records; code and remote edits are named', () => {
    const remote = snapshot('id1', payload('A'));
    const saved = recordChanges(planUpdate('new', remote), remote);
    expect(compareChangeRecords(saved, recordChanges(planUpdate('new', remote), remote))).toEqual(
      [],
    );
    const code = recordChanges(planUpdate('newer', remote), remote);
    expect(compareChangeRecords(saved, code)).toEqual([
      { key: 'a', message: 'code of flow a changed' },
    ]);
    const edited = snapshot('id1', payload('A', 'edited remotely'));
    const drifted = recordChanges(planUpdate('new', edited), edited);
    expect(compareChangeRecords(saved, drifted)).toEqual([
      { key: 'a', message: 'remote of flow a changed' },
    ]);
  });

  it('a change kind added later is recorded and compared without knowing it', () => {
    // e.g. the `publish` kind (live version behind code), with members this file has never seen.
    const later = (live: string) =>
      ({
        kind: 'publish',
        key: 'p',
        name: 'P',
        remoteId: 'id9',
        hash: 'h',
        live,
      }) as unknown as Change;
    const plan = (change: Change): Plan => ({
      changes: [change],
      summary: {} as Plan['summary'],
      remoteChecked: true,
      refreshed: false,
    });
    const empty: RemoteSnapshot = { listed: [], details: new Map() };
    const saved = recordChanges(plan(later('v1')), empty);
    expect(saved[0]).toMatchObject({ kind: 'publish', codeHash: 'h', remoteId: 'id9' });
    expect(compareChangeRecords(saved, recordChanges(plan(later('v1')), empty))).toEqual([]);
    expect(compareChangeRecords(saved, recordChanges(plan(later('v2')), empty))).toEqual([
      { key: 'p', message: 'the change to flow p is not the same' },
    ]);
  });

  it('a flow added to or gone from the plan is a difference', () => {
    const remote = snapshot('id1', payload('A'));
    const saved = recordChanges(planUpdate('new', remote), remote);
    expect(compareChangeRecords(saved, [])).toEqual([
      { key: 'a', message: 'flow a is in the saved plan but no longer planned' },
    ]);
    expect(compareChangeRecords([], saved)).toEqual([
      { key: 'a', message: 'flow a is not in the saved plan (now: update)' },
    ]);
  });
});
