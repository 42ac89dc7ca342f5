import { RuntypeError, withCause } from '../errors.js';
import { closeTarget, type OpenTarget } from './open-target.js';
import type { Target } from './resolve-target.js';

export type { OpenTarget } from './open-target.js';

/** A failure after which watching cannot go on safely (the target cannot be opened, the lock state not written). `cause` is what to report. */
export class FatalWatchError extends Error {
  constructor(error: unknown) {
    super('fatal watch error', { cause: error });
    this.name = 'FatalWatchError';
  }
}

/** Folds the cycle's journal into the lockfile, so a crash after it loses nothing and replays nothing. */
export async function commitWatchTarget(open: Pick<OpenTarget, 'store'>): Promise<void> {
  try {
    await open.store.commit();
  } catch (error) {
    throw new FatalWatchError(error);
  }
}

/**
 * Commits after a cycle failed with `error`, then rethrows it. A commit that
 * fails too makes it fatal; the cycle's error is still the one reported, with
 * the commit's failure as its cause (what made watching stop).
 */
export async function commitAfterError(open: Pick<OpenTarget, 'store'>, error: unknown): Promise<never> {
  try {
    await open.store.commit();
  } catch (commitError) {
    throw new FatalWatchError(withCause(error, commitError));
  }
  throw error;
}

/** The end of a session: a last commit, then the session and the writer lock are released (even if the commit fails). */
export async function closeWatchTarget(open: OpenTarget | undefined): Promise<void> {
  if (!open) return;
  try {
    await open.store.commit();
  } finally {
    await closeTarget(open);
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
