import { descriptionHash } from './canonical.js';
import { remoteAgainstCode, remoteMatchesCode, type RemoteFlow } from './remote-flow.js';
import {
  CHANGE_KINDS,
  type Change,
  type ChangeKind,
  type DesiredFlow,
  type Plan,
  type RemoteSnapshot,
  type TrackedFlow,
} from './types.js';

export interface PlanInput {
  desired: readonly DesiredFlow[];
  tracked: ReadonlyMap<string, TrackedFlow>;
  /**
   * Omitted when planning offline: then nothing is adopted and no drift or missing flow is seen.
   */
  remote?: RemoteSnapshot;
  /** Every tracked flow's details were fetched (plan --refresh). */
  refreshed?: boolean;
  /** Restrict the plan to these keys (sync --only). */
  only?: readonly string[];
  /**
   * The environment publishes: a flow whose live version is behind its code is a `publish`
   * change (otherwise a noop that says so).
   */
  publish?: boolean;
  /**
   * key → flow name of creates an interrupted run left in doubt (the name may have changed
   * since).
   */
  pendingCreates?: ReadonlyMap<string, string>;
}

/**
 * The whole decision of what sync does, as a pure function of values:
 * code (desired) + lock state (tracked) + what the remote holds. Plan first,
 * then apply; `plan` and `sync` share this.
 */
export function planChanges(input: PlanInput): Plan {
  const only = input.only && input.only.length > 0 ? new Set(input.only) : undefined;
  const trackedIds = new Set([...input.tracked.values()].map((t) => t.id));
  const listedIds = input.remote ? new Set(input.remote.listed.map((f) => f.id)) : undefined;
  const untrackedByName = groupUntrackedByName(input.remote, trackedIds);
  const desiredKeys = new Set(input.desired.map((f) => f.key));
  const orphans = orphansByName(input.tracked, desiredKeys, listedIds);
  const rekeyed = new Set<string>();
  const changes: Change[] = [];

  for (const flow of input.desired) {
    if (only && !only.has(flow.key)) continue;
    const tracked = input.tracked.get(flow.key);
    if (tracked && (!listedIds || listedIds.has(tracked.id))) {
      const remote = input.remote?.details.get(tracked.id);
      const live = input.remote?.live?.get(tracked.id);
      changes.push(planTracked(flow, tracked, { remote, live, publish: input.publish === true }));
      continue;
    }
    // A key changed in code, same name: the flow it tracked is this one, not a new one.
    const named = tracked ? [] : (orphans.get(flow.payload.name) ?? []);
    const [orphan] = named;
    if (named.length === 1 && orphan && !rekeyed.has(orphan.key)) {
      rekeyed.add(orphan.key);
      const remote = input.remote?.details.get(orphan.tracked.id);
      const contentMatches = remote
        ? remoteMatchesCode(remote, flow.payload, flow.hash)
        : orphan.tracked.hash === flow.hash;
      const remoteState = remote?.stateHash ?? orphan.tracked.remoteHash ?? orphan.tracked.hash;
      changes.push({
        kind: 'adopt',
        key: flow.key,
        name: flow.payload.name,
        payload: flow.payload,
        hash: flow.hash,
        remoteId: orphan.tracked.id,
        contentMatches,
        remoteState,
        previousKey: orphan.key,
        ...(remote ? { before: remoteAgainstCode(remote, flow.payload) } : {}),
        ...alreadyLive(orphan.tracked, flow.hash, contentMatches),
      });
      continue;
    }
    changes.push(
      planUntracked(
        flow,
        untrackedByName,
        input.remote,
        tracked,
        input.pendingCreates?.get(flow.key),
      ),
    );
  }
  for (const [key, tracked] of input.tracked) {
    if (desiredKeys.has(key) || rekeyed.has(key) || (only && !only.has(key))) continue;
    changes.push({
      kind: 'delete',
      key,
      name: tracked.name,
      remoteId: tracked.id,
      alreadyGone: listedIds !== undefined && !listedIds.has(tracked.id),
    });
  }
  changes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    changes,
    summary: summarize(changes),
    remoteChecked: input.remote !== undefined,
    refreshed: input.refreshed === true,
  };
}

/**
 * The orphan rule: tracked entries whose key left the code (and whose flow
 * still exists, when the remote listing is known), grouped by the name the
 * lock state last wrote. A new key whose flow has that name, and is the only
 * one, takes the entry over (a key changed in code) instead of creating a
 * second remote flow. Incremental planning reads these ids for the same reason.
 */
export function orphansByName(
  tracked: ReadonlyMap<string, TrackedFlow>,
  desiredKeys: ReadonlySet<string>,
  listedIds?: ReadonlySet<string>,
): Map<string, { key: string; tracked: TrackedFlow }[]> {
  const byName = new Map<string, { key: string; tracked: TrackedFlow }[]>();
  for (const [key, entry] of tracked) {
    if (desiredKeys.has(key) || (listedIds && !listedIds.has(entry.id))) continue;
    byName.set(entry.name, [...(byName.get(entry.name) ?? []), { key, tracked: entry }]);
  }
  return byName;
}

export function hasPendingChanges(plan: Plan): boolean {
  return plan.changes.some((c) => c.kind !== 'noop');
}

// --- internal ---

interface TrackedRemote {
  remote: RemoteFlow | undefined;
  /** The version live now, when read (--refresh); null when none is. */
  live: string | null | undefined;
  publish: boolean;
}

function planTracked(flow: DesiredFlow, tracked: TrackedFlow, seen: TrackedRemote): Change {
  const { remote } = seen;
  const note = descriptionNote(flow, tracked);
  const base = {
    key: flow.key,
    name: flow.payload.name,
    remoteId: tracked.id,
    payload: flow.payload,
    hash: flow.hash,
    ...note,
  };
  const codeChanged = flow.hash !== tracked.hash;
  if (remote) {
    // A remote holding exactly what an interrupted update sent is the tool's own write, not drift.
    const ownState =
      remote.stateHash === (tracked.remoteHash ?? tracked.hash) ||
      tracked.attempted?.includes(remote.stateHash) === true;
    const drifted = !ownState || whensDiffer(remote, flow.payload);
    if (drifted) {
      // Remote already equals the code (someone made the same edit): nothing to overwrite.
      if (remoteMatchesCode(remote, flow.payload, flow.hash)) {
        return { kind: 'adopt', ...base, contentMatches: true, remoteState: remote.stateHash };
      }
      return {
        kind: 'drift',
        ...base,
        before: remoteAgainstCode(remote, flow.payload),
        codeChanged,
      };
    }
  }
  if (!codeChanged) return planLive(flow, tracked, seen, base);
  return {
    kind: 'update',
    ...base,
    ...(remote ? { before: remoteAgainstCode(remote, flow.payload) } : {}),
  };
}

/** A moved key whose content was live under its old key (and stays so: no PUT). */
function alreadyLive(
  tracked: TrackedFlow,
  hash: string,
  contentMatches: boolean,
): { alreadyLive?: { versionId?: string } } {
  if (!contentMatches || tracked.pin || tracked.published !== hash) return {};
  const versionId = tracked.publishedVersionId;
  return { alreadyLive: versionId === undefined ? {} : { versionId } };
}

/**
 * The code is deployed: what remains is which version is live. A rollback pin
 * holds while the code's hash is the one pinned; a live version other than the
 * one the tool last made live (read with --refresh) is drift of the live
 * version; otherwise content not yet live is a `publish` change where the
 * environment publishes, and a noop that says so where it does not.
 */
function planLive(
  flow: DesiredFlow,
  tracked: TrackedFlow,
  seen: TrackedRemote,
  base: Omit<Extract<Change, { kind: 'update' }>, 'kind'>,
): Change {
  const pin = tracked.pin?.hash === flow.hash ? tracked.pin : undefined;
  const pinned = pin && {
    versionId: pin.versionId,
    ...(pin.versionNumber === undefined ? {} : { versionNumber: pin.versionNumber }),
  };
  const published = !pin && tracked.published === flow.hash;
  const expected = pin?.versionId ?? (published ? tracked.publishedVersionId : undefined);
  if (seen.live !== undefined && expected !== undefined && seen.live !== expected) {
    const liveVersionId = seen.live;
    const drift = { ...base, expectedVersionId: expected, liveVersionId };
    return { kind: 'live-drift', ...drift, ...(pinned ? { pinned } : {}) };
  }
  if (!pin && !published && seen.publish) {
    const remoteState = tracked.remoteHash ?? tracked.hash;
    return { kind: 'publish', ...base, remoteState };
  }
  const { payload: _payload, ...noop } = base;
  return { kind: 'noop', ...noop, published, ...(pinned ? { pinned } : {}) };
}

/**
 * A step `when` read from GET /v1/flow-steps that differs from the code's. The
 * flow responses never carry `when`, so the drift hash cannot see it: read
 * only where the code uses `when`, it is compared on its own.
 */
function whensDiffer(remote: RemoteFlow, code: DesiredFlow['payload']): boolean {
  const codeWhens = new Map(code.steps.map((s) => [s.id, s.when]));
  return remote.payload.steps.some((step) => {
    if (remote.unknown.get(step.id)?.includes('when') === true || !codeWhens.has(step.id))
      return false;
    return codeWhens.get(step.id) !== step.when;
  });
}

/** The code's description differs from the one last sent (on create): the API cannot update it. */
function descriptionNote(flow: DesiredFlow, tracked: TrackedFlow): { descriptionChanged?: true } {
  if (tracked.descriptionHash === undefined && flow.payload.description === undefined) return {};
  return descriptionHash(flow.payload) === tracked.descriptionHash
    ? {}
    : { descriptionChanged: true };
}

function planUntracked(
  flow: DesiredFlow,
  untrackedByName: Map<string, string[]>,
  remote: RemoteSnapshot | undefined,
  previouslyTracked: TrackedFlow | undefined,
  pendingName: string | undefined,
): Change {
  const base = { key: flow.key, name: flow.payload.name, payload: flow.payload, hash: flow.hash };
  // A create left in doubt may have landed under the name it had then.
  const names =
    pendingName !== undefined && pendingName !== flow.payload.name
      ? [flow.payload.name, pendingName]
      : [flow.payload.name];
  const byName = names.find((n) => (untrackedByName.get(n) ?? []).length > 0) ?? flow.payload.name;
  const candidates = untrackedByName.get(byName) ?? [];
  if (candidates.length > 1)
    return { kind: 'conflict', ...base, remoteIds: [...candidates].sort() };
  const [remoteId] = candidates;
  if (remoteId !== undefined) {
    // Claim it so a second key with the same name cannot adopt it too (names are unique per project
    // anyway).
    untrackedByName.delete(byName);
    const found = remote?.details.get(remoteId);
    return {
      kind: 'adopt',
      ...base,
      remoteId,
      contentMatches: found !== undefined && remoteMatchesCode(found, flow.payload, flow.hash),
      ...(found
        ? { before: remoteAgainstCode(found, flow.payload), remoteState: found.stateHash }
        : {}),
      // Matched under the name an interrupted create used, not the flow's name now.
      ...(byName === flow.payload.name ? {} : { matchedName: byName }),
    };
  }
  if (previouslyTracked) return { kind: 'missing', ...base, previousId: previouslyTracked.id };
  return { kind: 'create', ...base };
}

function groupUntrackedByName(
  remote: RemoteSnapshot | undefined,
  trackedIds: ReadonlySet<string>,
): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const f of remote?.listed ?? []) {
    if (trackedIds.has(f.id)) continue;
    const ids = byName.get(f.name);
    if (ids) ids.push(f.id);
    else byName.set(f.name, [f.id]);
  }
  return byName;
}

function summarize(changes: readonly Change[]): Record<ChangeKind, number> {
  const summary = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const c of changes) summary[c.kind] += 1;
  return summary;
}
