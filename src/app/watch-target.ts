import { RuntypeError } from '../errors.js';
import { openLockStore, type LockStore, type PendingCreate } from '../state/index.js';
import type { AppContext } from './context.js';
import { announceRecovery, lockTarget } from './lock-target.js';
import { openSession, type Session } from './open-session.js';
import { targetInfo } from './prepare-plan.js';
import type { Target } from './resolve-target.js';
import type { TargetInfo } from './results.js';

/**
 * What a watch session holds from its first valid load to Ctrl-C: the writer
 * lock and lock store, and one API session (or the embedded emulator) — never
 * re-opened per change.
 */
export interface OpenTarget {
  target: Target;
  store: LockStore;
  session: Session;
  info: TargetInfo;
  /** Creates still in doubt, as of the last commit. */
  pending: readonly PendingCreate[];
}

export async function openWatchTarget(ctx: AppContext, root: string, target: Target, concurrency: number): Promise<OpenTarget> {
  const store = await openLockStore(lockTarget(root, target));
  try {
    announceRecovery(ctx, store);
    const session = await openSession(ctx, root, target, concurrency);
    return { target, store, session, info: targetInfo(root, target, session, store.lockfile), pending: store.pendingCreates };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** Folds the cycle's journal into the lockfile, so a crash after it loses nothing and replays nothing. */
export async function commitWatchTarget(open: OpenTarget): Promise<void> {
  open.pending = (await open.store.commit()).pendingCreates;
}

export async function closeWatchTarget(open: OpenTarget | undefined): Promise<void> {
  if (!open) return;
  try {
    await open.store.commit();
  } finally {
    try {
      await open.session.close();
    } finally {
      await open.store.close();
    }
  }
}

/** A config edit that points the session elsewhere cannot be followed: the lock and session belong to the first target. */
export function assertSameTarget(open: OpenTarget, next: Target): void {
  const identity = (t: Target) => JSON.stringify([t.kind, t.environment, t.lockSection, t.lockLocation, t.kind === 'remote' ? t.apiUrl : '']);
  if (identity(open.target) === identity(next)) return;
  throw new RuntypeError('WATCH_TARGET_CHANGED', `The config now targets ${describe(next)}, not ${describe(open.target)} as when watching started; nothing was applied`, {
    hint: 'Stop sync --watch (Ctrl-C) and start it again to sync to the new target.',
    meta: { environment: next.environment },
  });
}

// --- internal ---

function describe(target: Target): string {
  return `"${target.environment}" (${target.kind === 'remote' ? target.apiUrl : 'embedded emulator'})`;
}
