import type { DesiredFlow } from '../plan/index.js';
import type { LockStore } from '../state/index.js';
import type { AppContext } from './context.js';

/**
 * A create a killed run left in doubt, whose flow has since left the code,
 * can only be pointed out: if it landed it is an untracked remote flow. Once
 * said, the intent is settled so it is not said on every run. (One whose key
 * still has a lock entry — an interrupted re-create — stays: the entry's
 * delete, with --prune, settles it.)
 */
export async function settleOrphanedCreates(ctx: AppContext, store: LockStore, desired: readonly DesiredFlow[]): Promise<void> {
  const keys = new Set(desired.map((d) => d.key));
  for (const pending of store.pendingCreates.filter((p) => !keys.has(p.key) && !store.entries().has(p.key))) {
    ctx.reporter.warn(`an interrupted run was creating "${pending.name}" (key ${pending.key}), which is no longer in the code; if it landed, it is an untracked remote flow`);
    await store.recordForget({ key: pending.key });
  }
}
