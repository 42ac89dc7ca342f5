import type { FlowWriter } from '../../apply/ports.js';
import { readRemote, readRemoteIfExists } from '../../apply/read-remote.js';
import { API_ERROR_CODES, isApiError } from '../../api/errors.js';
import { RuntypeError } from '../../errors.js';
import { closestMatch } from '../../model/suggest.js';
import {
  orphansByName,
  planChanges,
  usesWhen,
  type Change,
  type DesiredFlow,
  type Plan,
  type RemoteFlow,
  type RemoteSnapshot,
  type TrackedFlow,
} from '../../plan/index.js';

export interface RemotePlanOptions {
  /** Restrict the plan to these keys (sync --only). */
  only?: readonly string[];
  /** Fetch every tracked flow to see drift on flows unchanged in code. */
  refresh?: boolean;
  /**
   * With `refresh` (status): skip the flows nothing edited since this tool wrote them, i.e.
   * whose listed `updatedAt` is the one recorded at that write. An explicit `--refresh` reads
   * every flow, and so is the way around this API guess (api/guesses.ts). Live versions are
   * not read then: that is a GET per flow, for `--refresh`.
   */
  skipUnedited?: boolean;
  /**
   * Plan only these keys, reading only the part of the remote they touch (a watch cycle after a
   * save); the account is never listed. Without it, every flow is planned from a listing.
   */
  keys?: readonly string[];
  /**
   * Read in full every remote flow the plan would write (and with `deletions` delete), so each
   * change's remote hash is known: what a saved plan records and `sync --plan` checks again.
   */
  readTouched?: { deletions: boolean };
  /** The environment publishes (a live version behind the code is then a `publish` change). */
  publish?: boolean;
  /** Progress of reading remote flows in full (`--refresh` reads every tracked one). */
  onProgress?: (done: number, total: number) => void;
}

export interface RemotePlan {
  plan: Plan;
  /** What was read of the remote. */
  remote: RemoteSnapshot;
  /**
   * The whole account was listed (not so for `keys`): only then can an orphaned create be settled.
   */
  listedAll: boolean;
}

/** What planning reads of a connection (any 'read-only' or 'write' Connection is one). */
export interface PlanSource {
  api: Pick<
    FlowWriter,
    'listFlows' | 'getFlow' | 'getFlowSteps' | 'findFlowsByName' | 'listVersions'
  >;
  lock: {
    entries(): ReadonlyMap<string, TrackedFlow>;
    readonly pendingCreates: readonly { key: string; name: string }[];
  };
}

/**
 * The remote half of planning, with the same rules either way (drift,
 * adoption by name, missing, a changed key). Every flow: list the account,
 * fetch in full the flows whose comparison needs content (changed,
 * adoptable, and with `refresh` every tracked one), then plan — two passes so
 * only needed GETs are made. With `keys`: see planKeys.
 */
export async function planAgainstRemote(
  connection: PlanSource,
  desired: readonly DesiredFlow[],
  options: RemotePlanOptions = {},
): Promise<RemotePlan> {
  if (options.keys) return planKeys(connection, desired, options.keys, options);
  const { only, refresh, skipUnedited } = options;
  const tracked = connection.lock.entries();
  assertKnownKeys(only, desired, tracked);
  const pendingCreates = pendingByKey(connection);
  const publish = options.publish === true;
  const input = { desired, tracked, pendingCreates, publish, ...(only ? { only } : {}) };
  let remote = await fetchRemoteSnapshot(connection.api, { details: [] });
  remote = await findUnlisted(connection.api, remote, tracked, { desired, only });
  const first = planChanges({ ...input, remote });
  const needed = new Set<string>();
  const withWhen = idsUsingWhen(first.changes, desired);
  const listedAt = new Map(remote.listed.map((f) => [f.id, f.updatedAt]));
  // Unchanged since this tool's last write (the listing's `updatedAt` is the write's answer): no
  // edit to look for, so no GET (status of 500 flows in sync: the listing only, not 500 GETs).
  // Not for flows with a step `when`: it is edited through another endpoint (flow-steps), which
  // may leave the flow's `updatedAt` alone.
  const unedited = (change: Change & { remoteId: string }): boolean => {
    const written = tracked.get(change.key)?.updatedAt;
    const listed = listedAt.get(change.remoteId);
    if (skipUnedited !== true || written === undefined || withWhen.has(change.remoteId))
      return false;
    return listed === written;
  };
  for (const change of first.changes) {
    if (change.kind === 'update' || change.kind === 'adopt') needed.add(change.remoteId);
    if (refresh && change.kind === 'noop' && !unedited(change)) needed.add(change.remoteId);
    if (options.readTouched && touches(change, options.readTouched.deletions)) {
      needed.add(change.remoteId);
    }
  }
  const { onProgress } = options;
  // --refresh: a `when` added remotely is drift even where the code has none, and only GET
  // /v1/flow-steps carries it: every flow read in full has its steps read too.
  if (refresh) for (const id of needed) withWhen.add(id);
  const reads = { details: needed, withWhen, known: remote, onProgress };
  remote = await fetchRemoteSnapshot(connection.api, reads);
  // The live version is one GET per flow, which the listing cannot spare (it carries no version):
  // read with an explicit --refresh only, not for status's listing-based look (skipUnedited).
  if (refresh && skipUnedited !== true) {
    remote = { ...remote, live: await readLiveVersions(connection.api, first, tracked) };
  }
  const plan = planChanges({ ...input, remote, refreshed: refresh === true });
  return { plan, remote, listedAll: true };
}

/** What of a command's options limits a plan (--only, --refresh), without unset keys. */
export function planScope(
  options: Pick<RemotePlanOptions, 'only' | 'refresh' | 'publish' | 'skipUnedited'>,
): RemotePlanOptions {
  return {
    ...(options.only ? { only: options.only } : {}),
    ...(options.refresh ? { refresh: true } : {}),
    ...(options.publish ? { publish: true } : {}),
    ...(options.refresh && options.skipUnedited ? { skipUnedited: true } : {}),
  };
}

/** `--only typo` must not be a silent no-op (a CI deploy that deploys nothing). */
export function assertKnownKeys(
  only: readonly string[] | undefined,
  desired: readonly DesiredFlow[],
  tracked: ReadonlyMap<string, TrackedFlow>,
): void {
  const known = new Set([...desired.map((d) => d.key), ...tracked.keys()]);
  const unknown = (only ?? []).filter((key) => !known.has(key));
  if (unknown.length === 0) return;
  const suggestion = closestMatch(unknown[0] ?? '', known);
  const message =
    '--only names flow key(s) that are neither in the code nor in the lock state: ' +
    unknown.join(', ');
  const someKeys = [...known].sort().slice(0, 10).join(', ');
  throw new RuntypeError('UNKNOWN_FLOW_KEY', message, {
    hint: suggestion ? `did you mean "${suggestion}"?` : `known keys: ${someKeys}`,
  });
}

// --- internal ---

/**
 * Plans the given keys against only the part of the remote they touch: a
 * tracked flow is read by id (drift needs its content; a 404 means it is
 * missing), an untracked one is searched by name (adoption), and the rest of
 * the account is never listed. An edit to one flow of 1,000 is a GET, then
 * its PUT. What planChanges compares beyond the keys is read too: for an
 * untracked key, the orphans of its name (plan/'s orphan rule: a key changed
 * in code is re-keyed when its flow still exists, whatever the remote calls it now).
 */
async function planKeys(
  connection: PlanSource,
  desired: readonly DesiredFlow[],
  keys: readonly string[],
  options: Pick<RemotePlanOptions, 'publish'>,
): Promise<RemotePlan> {
  const { api } = connection;
  const tracked = connection.lock.entries();
  const byKey = new Map(desired.map((d) => [d.key, d]));
  const pending = pendingByKey(connection);
  const orphans = orphansByName(tracked, new Set(byKey.keys()));
  const reads = new Map<string, boolean>();
  for (const key of keys) {
    const entry = tracked.get(key);
    const flow = byKey.get(key);
    const withWhen = flow !== undefined && usesWhen(flow.payload);
    if (entry) reads.set(entry.id, withWhen);
    else if (flow) {
      const named = orphans.get(flow.payload.name) ?? [];
      for (const orphan of named) reads.set(orphan.tracked.id, withWhen);
    }
  }
  const listed = new Map<string, { id: string; name: string }>();
  const details = new Map<string, RemoteFlow>();
  await Promise.all(
    [...reads].map(async ([id, withWhen]) => {
      const remote = await readRemoteIfExists(api, id, withWhen);
      if (!remote) return;
      listed.set(id, { id, name: remote.payload.name });
      details.set(id, remote);
    }),
  );

  // Untracked, or tracked but gone remotely: an untracked remote flow of that name is adopted, as
  // in sync.
  const names = new Set<string>();
  for (const key of keys) {
    const entry = tracked.get(key);
    if (entry && listed.has(entry.id)) continue;
    const flow = byKey.get(key);
    if (flow) names.add(flow.payload.name);
    const pendingName = pending.get(key);
    if (pendingName !== undefined) names.add(pendingName);
  }
  await Promise.all(
    [...names].map(async (name) => {
      for (const found of await api.findFlowsByName(name)) {
        if (!listed.has(found.id)) listed.set(found.id, { id: found.id, name: found.name });
      }
    }),
  );

  const publish = options.publish === true;
  const input = { desired, tracked, pendingCreates: pending, only: keys, publish };
  let remote: RemoteSnapshot = { listed: [...listed.values()], details };
  const first = planChanges({ ...input, remote });
  // An adoption compares content: read the candidates found by name (tracked ones were read above).
  const compared = first.changes.filter((c) => c.kind === 'adopt' || c.kind === 'update');
  const needed = compared.map((c) => c.remoteId);
  const withWhen = idsUsingWhen(first.changes, desired);
  remote = await fetchRemoteSnapshot(api, { details: needed, withWhen, known: remote });
  return { plan: planChanges({ ...input, remote }), remote, listedAll: false };
}

/**
 * --refresh: the version live now, for each unchanged tracked flow whose lock entry says which
 * version the tool made live (without that record a change made elsewhere cannot be told from
 * the tool's own). Read from the versions list's `publishedVersionId` (documented, null when
 * none is live), not from GET …/published, whose answer when nothing is live is not documented.
 */
async function readLiveVersions(
  api: Api,
  plan: Plan,
  tracked: ReadonlyMap<string, TrackedFlow>,
): Promise<Map<string, string | null>> {
  const ids = plan.changes
    .filter((c) => c.kind === 'noop' || c.kind === 'live-drift')
    .map((c) => tracked.get(c.key))
    .filter((e): e is TrackedFlow => e?.publishedVersionId !== undefined)
    .map((e) => e.id);
  const live = new Map<string, string | null>();
  await Promise.all(
    ids.map(async (id) => {
      const list = await api.listVersions(id).catch((error: unknown) => {
        // Deleted since it was listed: not read (the next plan sees it missing).
        if (isApiError(error, API_ERROR_CODES.notFound)) return undefined;
        throw error;
      });
      if (list) live.set(id, list.publishedVersionId ?? null);
    }),
  );
  return live;
}

/**
 * Tracked flows the listing did not show, read by id: the listing is documented as the flows
 * "for the authenticated user", so a flow a teammate's key can act on may be missing from it
 * (api/guesses.ts, `listing-covers-account`). One found is added to the listing, with its
 * content; only a 404 leaves it missing — re-created by sync, or forgotten with --prune.
 */
async function findUnlisted(
  api: Api,
  remote: RemoteSnapshot,
  tracked: ReadonlyMap<string, TrackedFlow>,
  code: { desired: readonly DesiredFlow[]; only: readonly string[] | undefined },
): Promise<RemoteSnapshot> {
  const listedIds = new Set(remote.listed.map((f) => f.id));
  const scope = code.only && code.only.length > 0 ? new Set(code.only) : undefined;
  const whens = new Map(code.desired.map((d) => [d.key, usesWhen(d.payload)]));
  const unlisted = new Map<string, boolean>();
  for (const [key, entry] of tracked) {
    if (listedIds.has(entry.id) || (scope !== undefined && !scope.has(key))) continue;
    unlisted.set(entry.id, whens.get(key) === true);
  }
  if (unlisted.size === 0) return remote;
  const listed = [...remote.listed];
  const details = new Map(remote.details);
  await Promise.all(
    [...unlisted].map(async ([id, withWhen]) => {
      const found = await readRemoteIfExists(api, id, withWhen);
      if (!found) return;
      listed.push({ id, name: found.payload.name, lastRunAt: null });
      details.set(id, found);
    }),
  );
  return { ...remote, listed, details };
}

function pendingByKey(connection: PlanSource): Map<string, string> {
  return new Map(connection.lock.pendingCreates.map((p) => [p.key, p.name]));
}

interface SnapshotReads {
  /** Flows to read in full (their content is compared). */
  details: Iterable<string>;
  /**
   * Of those, the ones whose code uses a step `when`: their steps are read too (GET
   * /v1/flow-steps).
   */
  withWhen?: ReadonlySet<string>;
  /** What an earlier pass already read (the listing and details are kept). */
  known?: RemoteSnapshot;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Lists every remote flow (summaries, all pages) unless already `known`, and
 * reads in full the ones the plan needs to compare. GETs run through the
 * client's bounded concurrency.
 */
type Api = PlanSource['api'];

async function fetchRemoteSnapshot(api: Api, reads: SnapshotReads): Promise<RemoteSnapshot> {
  const { known, withWhen } = reads;
  // lastRunAt: `status --all` shows it for flows no code manages (the listing carries it).
  const listing = known?.listed ?? (await api.listFlows());
  const listed = listing.map((f) => ({
    id: f.id,
    name: f.name,
    lastRunAt: f.lastRunAt ?? null,
    ...(typeof f.updatedAt === 'string' ? { updatedAt: f.updatedAt } : {}),
  }));
  const listedIds = new Set(listed.map((f) => f.id));
  const details = new Map<string, RemoteFlow>(known?.details ?? []);
  const wanted = [...new Set(reads.details)].filter((id) => listedIds.has(id) && !details.has(id));
  let done = 0;
  await Promise.all(
    wanted.map(async (id) => {
      details.set(id, (await readRemote(api, id, withWhen?.has(id) === true)).remote);
      reads.onProgress?.((done += 1), wanted.length);
    }),
  );
  return { listed, details };
}

/**
 * Remote ids whose code uses a step `when`: only GET /v1/flow-steps can compare it, so only they
 * pay for it.
 */
function idsUsingWhen(changes: readonly Change[], desired: readonly DesiredFlow[]): Set<string> {
  const byKey = new Map(desired.map((d) => [d.key, d]));
  const ids = new Set<string>();
  for (const change of changes) {
    const flow = byKey.get(change.key);
    if ('remoteId' in change && flow && usesWhen(flow.payload)) ids.add(change.remoteId);
  }
  return ids;
}

/** A change that writes to (or deletes) a remote flow it names. */
function touches(change: Change, deletions: boolean): change is Change & { remoteId: string } {
  if (change.kind === 'noop' || !('remoteId' in change)) return false;
  return change.kind !== 'delete' || deletions;
}
