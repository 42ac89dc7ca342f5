import type { DesiredFlow, RemoteSnapshot } from '../plan/index.js';
import type { LockStore } from '../state/index.js';
import type { AppContext } from './context.js';

/**
 * A create a killed run left in doubt, whose flow has since left the code, is
 * settled once the remote account has been read: if it landed it is an
 * untracked remote flow, which is pointed out by id; if not, it is simply
 * dropped. Call it only after a run that did its work (not one refused or
 * blocked), and never when the code holds no flow at all — a wrong glob or
 * --cwd must not make a run forget what a later, correct one needs to adopt.
 * (One whose key still has a lock entry — an interrupted re-create — stays:
 * the entry's delete, with --prune, settles it.)
 */
export async function settleOrphanedCreates(ctx: AppContext, store: LockStore, desired: readonly DesiredFlow[], remote: RemoteSnapshot): Promise<void> {
  if (desired.length === 0) return;
  const keys = new Set(desired.map((d) => d.key));
  const trackedIds = new Set([...store.entries().values()].map((e) => e.id));
  for (const pending of store.pendingCreates.filter((p) => !keys.has(p.key) && !store.entries().has(p.key))) {
    const landed = remote.listed.filter((f) => f.name === pending.name && !trackedIds.has(f.id)).map((f) => f.id);
    if (landed.length > 0) {
      ctx.reporter.warn(
        `an interrupted run was creating "${pending.name}" (key ${pending.key}), which is no longer in the code; it landed as untracked remote flow ${landed.join(', ')}: delete it in the dashboard, or put the flow back in the code to adopt it`,
      );
    } else {
      ctx.reporter.debug(`an interrupted create of "${pending.name}" (key ${pending.key}) never landed; forgotten`);
    }
    await store.recordForget({ key: pending.key });
  }
}
