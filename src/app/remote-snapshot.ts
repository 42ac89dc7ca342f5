import { fromRemoteFlow, type FlowPayload, type RemoteSnapshot } from '../plan/index.js';
import type { Session } from './open-session.js';

/**
 * Lists every remote flow (summaries, all pages) and fetches the full
 * definition of the ones the plan needs to compare. GETs run through the
 * client's bounded concurrency.
 */
export async function fetchRemoteSnapshot(
  api: Session['api'],
  detailIds: Iterable<string>,
  known?: RemoteSnapshot,
  onProgress?: (done: number, total: number) => void,
): Promise<RemoteSnapshot> {
  const listed = known?.listed ?? (await api.listFlows()).map((f) => ({ id: f.id, name: f.name }));
  const listedIds = new Set(listed.map((f) => f.id));
  const details = new Map<string, FlowPayload>(known?.details ?? []);
  const wanted = [...new Set(detailIds)].filter((id) => listedIds.has(id) && !details.has(id));
  let done = 0;
  await Promise.all(
    wanted.map(async (id) => {
      details.set(id, fromRemoteFlow(await api.getFlow(id)));
      onProgress?.((done += 1), wanted.length);
    }),
  );
  return { listed, details };
}
