import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical.js';
import type { Change, Plan, RemoteSnapshot } from './types.js';

/**
 * One change of a plan as a saved plan keeps it: what it is, and what it was
 * made against. Generic over the Change union — `kind` is any kind, and the
 * hashes are read from whichever members a change has — so a new kind of
 * change is recorded and compared without a format change.
 */
export interface ChangeRecord {
  key: string;
  kind: string;
  name: string;
  /** Hash of the code's payload, for a change that has one. */
  codeHash?: string;
  /** The remote flow the change acts on, when it has one. */
  remoteId?: string;
  /** Drift hash of that remote flow as read when planning (absent when it was not read). */
  remoteHash?: string;
  /** sha256 of the whole change (payloads, diffs, every kind's own members): the catch-all. */
  fingerprint: string;
}

/** What differs between a saved plan and the plan made now, one line per flow. */
export interface ChangeDifference {
  key: string;
  message: string;
}

/** The records of every change of `plan`, with the remote hashes `remote` holds. */
export function recordChanges(plan: Plan, remote: RemoteSnapshot): ChangeRecord[] {
  return plan.changes.map((change) => recordChange(change, remote));
}

/**
 * Compares a saved plan's changes with a fresh plan's, flow by flow: the
 * saved plan is never trusted, only checked against what would be done now.
 * Empty when they are the same changes made against the same code and remote.
 */
export function compareChangeRecords(
  saved: readonly ChangeRecord[],
  fresh: readonly ChangeRecord[],
): ChangeDifference[] {
  const before = new Map(saved.map((r) => [r.key, r]));
  const now = new Map(fresh.map((r) => [r.key, r]));
  const keys = [...new Set([...before.keys(), ...now.keys()])].sort();
  const differences: ChangeDifference[] = [];
  for (const key of keys) {
    const message = difference(key, before.get(key), now.get(key));
    if (message !== undefined) differences.push({ key, message });
  }
  return differences;
}

// --- internal ---

function recordChange(change: Change, remote: RemoteSnapshot): ChangeRecord {
  const remoteId = 'remoteId' in change ? change.remoteId : undefined;
  const remoteHash = remoteId === undefined ? undefined : remote.details.get(remoteId)?.stateHash;
  return {
    key: change.key,
    kind: change.kind,
    name: change.name,
    ...('hash' in change ? { codeHash: change.hash } : {}),
    ...(remoteId === undefined ? {} : { remoteId }),
    ...(remoteHash === undefined ? {} : { remoteHash }),
    fingerprint: createHash('sha256').update(canonicalJson(change)).digest('hex'),
  };
}

/** Why one flow's change is not what was saved, most telling reason first; undefined if equal. */
function difference(
  key: string,
  saved: ChangeRecord | undefined,
  fresh: ChangeRecord | undefined,
): string | undefined {
  if (saved === undefined && fresh !== undefined) {
    return `flow ${key} is not in the saved plan (now: ${fresh.kind})`;
  }
  if (fresh === undefined) return `flow ${key} is in the saved plan but no longer planned`;
  if (saved === undefined) return undefined;
  if (saved.codeHash !== fresh.codeHash) return `code of flow ${key} changed`;
  if (saved.remoteId !== fresh.remoteId || saved.remoteHash !== fresh.remoteHash) {
    return `remote of flow ${key} changed`;
  }
  if (saved.kind !== fresh.kind) return `flow ${key} is now ${fresh.kind}, was ${saved.kind}`;
  if (saved.fingerprint !== fresh.fingerprint) return `the change to flow ${key} is not the same`;
  return undefined;
}
