import { API_ERROR_CODES } from '../api/errors.js';
import { RuntypeError } from '../errors.js';
import { orphansByName, planChanges, usesWhen, type DesiredFlow, type Plan, type RemoteFlow, type RemoteSnapshot, type TrackedFlow } from '../plan/index.js';
import type { Session } from './open-session.js';
import { idsUsingWhen } from './prepare-plan.js';
import { fetchRemoteSnapshot, readFlow } from './remote-snapshot.js';

/**
 * Plans the given keys against only the part of the remote they touch, with
 * the same rules as a full sync (drift, adoption by name, missing, a changed
 * key): a tracked flow is read by id (drift needs its content; a 404 means it
 * is missing), an untracked one is searched by name (adoption), and the rest
 * of the account is never listed. An edit to one flow of 1,000 is a GET,
 * then its PUT.
 *
 * What planChanges compares beyond the keys is read too: for an untracked
 * key, every tracked entry that has left the code under the same lock name
 * (a key changed in code; planChanges re-keys it when its flow still exists,
 * whatever the remote calls it now).
 */
export async function planChangedFlows(
  session: Pick<Session, 'api'>,
  desired: readonly DesiredFlow[],
  tracked: ReadonlyMap<string, TrackedFlow>,
  keys: readonly string[],
  pendingCreates: readonly { key: string; name: string }[] = [],
): Promise<Plan> {
  const { api } = session;
  const byKey = new Map(desired.map((d) => [d.key, d]));
  const pending = new Map(pendingCreates.map((p) => [p.key, p.name]));
  const orphans = orphansByName(tracked, new Set(byKey.keys()));
  const reads = new Map<string, boolean>();
  for (const key of keys) {
    const entry = tracked.get(key);
    const flow = byKey.get(key);
    const withWhen = flow !== undefined && usesWhen(flow.payload);
    if (entry) reads.set(entry.id, withWhen);
    else if (flow) for (const { tracked: orphan } of orphans.get(flow.payload.name) ?? []) reads.set(orphan.id, withWhen);
  }
  const listed = new Map<string, { id: string; name: string }>();
  const details = new Map<string, RemoteFlow>();
  await Promise.all(
    [...reads].map(async ([id, withWhen]) => {
      const remote = await readIfExists(api, id, withWhen);
      if (!remote) return;
      listed.set(id, { id, name: remote.payload.name });
      details.set(id, remote);
    }),
  );

  // Untracked, or tracked but gone remotely: an untracked remote flow of that name is adopted, as in sync.
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
      for (const found of await api.findFlowsByName(name)) if (!listed.has(found.id)) listed.set(found.id, { id: found.id, name: found.name });
    }),
  );

  const input = { desired, tracked, pendingCreates: pending, only: keys };
  let remote: RemoteSnapshot = { listed: [...listed.values()], details };
  const first = planChanges({ ...input, remote });
  // An adoption compares content: read the candidates found by name (tracked ones were read above).
  const needed = first.changes.flatMap((c) => (c.kind === 'adopt' || c.kind === 'update' ? [c.remoteId] : []));
  remote = await fetchRemoteSnapshot(api, { details: needed, withWhen: idsUsingWhen(first.changes, desired), known: remote });
  return planChanges({ ...input, remote });
}

// --- internal ---

async function readIfExists(api: Session['api'], id: string, withWhen: boolean) {
  try {
    return await readFlow(api, id, withWhen);
  } catch (error) {
    if (error instanceof RuntypeError && error.code === API_ERROR_CODES.notFound) return undefined;
    throw error;
  }
}
