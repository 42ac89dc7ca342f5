import { readRemoteFlow, type RemoteFlow, type RemoteSnapshot } from '../plan/index.js';
import type { Session } from './open-session.js';

export interface SnapshotReads {
  /** Flows to read in full (their content is compared). */
  details: Iterable<string>;
  /** Of those, the ones whose code uses a step `when`: their steps are read too (GET /v1/flow-steps). */
  withWhen?: ReadonlySet<string>;
  /** What an earlier pass already read (the listing and details are kept). */
  known?: RemoteSnapshot;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Lists every remote flow (summaries, all pages) and reads in full the ones
 * the plan needs to compare. GETs run through the client's bounded
 * concurrency.
 */
export async function fetchRemoteSnapshot(api: Session['api'], reads: SnapshotReads): Promise<RemoteSnapshot> {
  const { known, withWhen } = reads;
  // lastRunAt: `status --all` shows it for flows no code manages (the client's listing carries it).
  const listed = known?.listed ?? (await api.listFlows()).map((f) => ({ id: f.id, name: f.name, lastRunAt: (f as { lastRunAt?: string | null }).lastRunAt ?? null }));
  const listedIds = new Set(listed.map((f) => f.id));
  const details = new Map<string, RemoteFlow>(known?.details ?? []);
  const wanted = [...new Set(reads.details)].filter((id) => listedIds.has(id) && !details.has(id));
  let done = 0;
  await Promise.all(
    wanted.map(async (id) => {
      details.set(id, await readFlow(api, id, withWhen?.has(id) === true));
      reads.onProgress?.((done += 1), wanted.length);
    }),
  );
  return { listed, details };
}

/** One remote flow, with its steps' `when` when asked (the one response that carries it). */
export async function readFlow(api: Session['api'], id: string, withWhen: boolean): Promise<RemoteFlow> {
  const [flow, steps] = await Promise.all([api.getFlow(id), withWhen ? api.getFlowSteps(id) : undefined]);
  return readRemoteFlow(flow, steps?.data);
}
