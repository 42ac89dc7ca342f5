import { openLockStore, type LockStore } from '../state/index.js';
import type { ResolvedConfig } from '../model/config.js';
import type { AppContext } from './context.js';
import { announceRecovery, lockTarget } from './lock-target.js';
import { openSession, sessionOptionsOf, type Session } from './open-session.js';
import { targetInfo } from './prepare-plan.js';
import type { Target } from './resolve-target.js';
import type { TargetInfo } from './results.js';

/**
 * What a run that writes holds while it works: the writer lock and lock
 * store, and one API session (or the embedded emulator). `sync` holds it for
 * one run, `sync --watch` from its first valid load to Ctrl-C.
 */
export interface OpenTarget {
  target: Target;
  store: LockStore;
  session: Session;
  info: TargetInfo;
}

/** Takes the writer lock (folding in, and saying what, an interrupted run left), then connects. */
export async function openTarget(ctx: AppContext, root: string, target: Target, config: ResolvedConfig): Promise<OpenTarget> {
  const store = await openLockStore(lockTarget(root, target));
  try {
    announceRecovery(ctx, store);
    const session = await openSession(ctx, root, target, config.concurrency, sessionOptionsOf(config));
    return { target, store, session, info: targetInfo(root, target, session, store.lockfile) };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Disconnects, then releases the writer lock; what was not committed stays in the journal for the next run. */
export async function closeTarget(open: OpenTarget): Promise<void> {
  try {
    await open.session.close();
  } finally {
    await open.store.close();
  }
}
