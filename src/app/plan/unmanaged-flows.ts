import type { Plan, RemoteSnapshot, TrackedFlow } from '../../plan/index.js';

/** A remote flow nothing in the code or the lock state accounts for: `pull` takes it into code. */
export interface UnmanagedFlow {
  remoteId: string;
  name: string;
  lastRunAt: string | null;
}

/**
 * Remote flows the lock state does not track and no code flow claims (by
 * adoption or as a name conflict): built in the dashboard, or by another
 * tool. `plan` counts them, `status --all` lists them.
 */
export function unmanagedFlows(
  plan: Plan,
  remote: RemoteSnapshot,
  tracked: ReadonlyMap<string, TrackedFlow>,
): UnmanagedFlow[] {
  const claimed = new Set([...tracked.values()].map((t) => t.id));
  for (const change of plan.changes) {
    if ('remoteId' in change) claimed.add(change.remoteId);
    if (change.kind === 'conflict') for (const id of change.remoteIds) claimed.add(id);
  }
  return remote.listed
    .filter((flow) => !claimed.has(flow.id))
    .map((flow) => ({ remoteId: flow.id, name: flow.name, lastRunAt: flow.lastRunAt ?? null }));
}
