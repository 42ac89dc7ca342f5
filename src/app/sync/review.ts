import type { Change, Plan } from '../../plan/index.js';
import type { AppContext } from '../context.js';
import type { SyncResult, TargetInfo } from '../results.js';
import { rerunCommand } from '../rerun-command.js';

export interface ReviewInput {
  plan: Plan;
  target: TargetInfo;
  diagnostics: SyncResult['diagnostics'];
  prune: boolean;
  publish: boolean;
  yes: boolean;
  argv: readonly string[] | undefined;
}

/**
 * The one question before `sync`'s first write (DESIGN.md, "Confirmation").
 * On a terminal, against anything but the embedded emulator, the plan is
 * shown and the user says yes or no; with the emulator only deletions are
 * asked about — after the plan, so it is clear what is deleted. Without a
 * terminal nothing is asked, and deletions need --yes. --yes answers all.
 * Returns why nothing may be written, or undefined to go ahead.
 */
export async function reviewBeforeApply(
  ctx: AppContext,
  input: ReviewInput,
): Promise<SyncResult['blocked'] | undefined> {
  const writes = input.plan.changes.filter((c) => wouldWrite(c, input));
  if (writes.length === 0 || input.yes) return undefined;
  const deletions = writes.filter((c) => c.kind === 'delete');
  const rerun = rerunCommand(input.argv, '--yes');
  const asks = ctx.interactive && (input.target.kind === 'remote' || deletions.length > 0);
  if (asks) {
    const { plan, target, diagnostics } = input;
    const pendingChanges = true;
    ctx.reporter.preview({ command: 'plan', ok: true, target, plan, pendingChanges, diagnostics });
    if (await ctx.confirm(question(input.target, deletions))) return undefined;
    return { reason: 'declined', keys: writes.map((c) => c.key), rerun };
  }
  if (deletions.length === 0) return undefined;
  return { reason: 'deletions', keys: deletions.map((c) => c.key), rerun };
}

// --- internal ---

/**
 * Whether applying the change writes to the remote. A change kind this does not know (added
 * later) counts as a write: asking once too often is the safe mistake.
 */
function wouldWrite(change: Change, input: Pick<ReviewInput, 'prune' | 'publish'>): boolean {
  switch (change.kind) {
    case 'noop':
      // A publish that failed, or was never asked for, is caught up.
      return input.publish && !change.published;
    case 'conflict':
      return false;
    case 'delete':
      // A flow already gone only leaves the lock state.
      return input.prune && !change.alreadyGone;
    default:
      return true;
  }
}

function question(target: TargetInfo, deletions: readonly Change[]): string {
  const where = `"${target.environment}"`;
  if (deletions.length === 0) return `Apply this plan to ${where}?`;
  const listed = deletions.map((d) => `${d.key} ("${d.name}")`).join(', ');
  return `Apply this plan to ${where}, DELETING ${deletions.length} remote flow(s): ${listed}?`;
}
