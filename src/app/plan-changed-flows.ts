import { RuntypeError } from '../errors.js';
import { fromRemoteFlow, planChanges, type DesiredFlow, type FlowPayload, type Plan, type RemoteSnapshot, type TrackedFlow } from '../plan/index.js';
import type { Session } from './open-session.js';
import { fetchRemoteSnapshot } from './remote-snapshot.js';

/**
 * Plans the given keys against only the part of the remote they touch, with
 * the same rules as a full sync (drift, adoption by name, missing, a changed
 * key): a tracked flow is read by id (drift needs its content; a 404 means it
 * is missing), an untracked one is searched by name (adoption), and the rest
 * of the account is never listed. An edit to one flow of 1,000 is a GET,
 * then its PUT.
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
  const listed = new Map<string, { id: string; name: string }>();
  const details = new Map<string, FlowPayload>();
  const names = new Set<string>();

  await Promise.all(
    keys.map(async (key) => {
      const entry = tracked.get(key);
      const flow = byKey.get(key);
      const remote = entry ? await getIfExists(api, entry.id) : undefined;
      if (entry && remote) {
        listed.set(entry.id, { id: entry.id, name: remote.name });
        details.set(entry.id, fromRemoteFlow(remote));
        return;
      }
      // Untracked, or tracked but gone remotely: an untracked remote flow of that name is adopted, as in sync.
      if (flow) names.add(flow.payload.name);
      const pendingName = pending.get(key);
      if (pendingName !== undefined) names.add(pendingName);
    }),
  );
  await Promise.all(
    [...names].map(async (name) => {
      for (const found of await api.findFlowsByName(name)) listed.set(found.id, { id: found.id, name: found.name });
    }),
  );

  const input = { desired, tracked, pendingCreates: pending, only: keys };
  let remote: RemoteSnapshot = { listed: [...listed.values()], details };
  const first = planChanges({ ...input, remote });
  // An adoption compares content: read the candidates found by name (tracked ones were read above).
  const needed = first.changes.flatMap((c) => (c.kind === 'adopt' || c.kind === 'update' ? [c.remoteId] : []));
  remote = await fetchRemoteSnapshot(api, needed, remote);
  return planChanges({ ...input, remote });
}

// --- internal ---

async function getIfExists(api: Session['api'], id: string) {
  try {
    return await api.getFlow(id);
  } catch (error) {
    if (error instanceof RuntypeError && error.code === 'API_NOT_FOUND') return undefined;
    throw error;
  }
}
