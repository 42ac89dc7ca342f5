import type { Change } from '../../plan/index.js';
import type { AppContext } from '../context.js';
import { runPlan, type PlanOptions } from '../plan/plan.js';
import type { FlowState, StatusResult } from '../results.js';

/**
 * `status`: one line per flow. It is a refreshed plan seen per flow, so drift
 * on flows unchanged in code shows too (unless --offline).
 */
export async function runStatus(
  ctx: AppContext,
  options: PlanOptions & { all?: boolean },
): Promise<StatusResult> {
  const refresh = options.offline !== true;
  // Without --refresh, the listing decides what must be read in full (skipUnedited); --refresh
  // reads every tracked flow and its live version, as `plan --refresh` does.
  const skipUnedited = refresh && options.refresh !== true;
  const result = await runPlan(ctx, { ...options, refresh, skipUnedited });
  // --all: also the remote flows nothing in code or in the lock state manages (`pull` takes them).
  const unmanaged =
    options.all && result.unmanagedFlows ? { unmanaged: result.unmanagedFlows } : {};
  return {
    command: 'status',
    ok: result.ok,
    target: result.target,
    remoteChecked: result.plan.remoteChecked,
    flows: result.plan.changes.map((change) => ({
      key: change.key,
      name: change.name,
      state: stateOf(change),
      ...remoteIdOf(change),
    })),
    diagnostics: result.diagnostics,
    ...unmanaged,
  };
}

// --- internal ---

function stateOf(change: Change): FlowState {
  switch (change.kind) {
    case 'noop':
      if (change.pinned) return 'pinned';
      return change.published ? 'in-sync' : 'draft';
    case 'publish':
      return 'live-behind';
    case 'live-drift':
      return 'live-drift';
    case 'update':
      return 'changed';
    case 'create':
      return 'new';
    case 'adopt':
      return 'adoptable';
    case 'drift':
      return 'drift';
    case 'missing':
      return 'missing';
    case 'delete':
      return 'removed';
    case 'conflict':
      return 'conflict';
  }
}

function remoteIdOf(change: Change): { remoteId?: string } {
  if ('remoteId' in change) return { remoteId: change.remoteId };
  if (change.kind === 'missing') return { remoteId: change.previousId };
  return {};
}
