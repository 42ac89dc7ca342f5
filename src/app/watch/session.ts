import { LocationCache } from '../../load/index.js';
import { RuntypeError, withCause } from '../../errors.js';
import type { WriteConnection } from '../connect.js';
import { describeTarget, sameTarget, type Target } from '../target.js';

/**
 * What a watch session carries from one cycle to the next. A cycle reads it
 * and returns the next one; nothing else changes it.
 */
export interface WatchSession {
  /** Opened by the first valid cycle, held until Ctrl-C. */
  connection?: WriteConnection;
  /**
   * key → content hash the remote holds as of the last good cycle; unset until a full cycle
   * succeeded.
   */
  baseline?: ReadonlyMap<string, string>;
  /** What was last shown of a load (shown again only when it changes). */
  shown?: string;
  /**
   * What locating diagnostics learnt: an unchanged file is not parsed again to place the same
   * warning.
   */
  locations: LocationCache;
}

export function newWatchSession(): WatchSession {
  return { locations: new LocationCache() };
}

/**
 * A failure after which watching cannot go on safely (the target cannot be opened, the lock state
 * not written). `cause` is what to report.
 */
export class FatalWatchError extends Error {
  constructor(error: unknown) {
    super('fatal watch error', { cause: error });
    this.name = 'FatalWatchError';
  }
}

/** Runs `step`; whatever it throws is fatal to the watch. */
export async function fatalOnFailure<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new FatalWatchError(error);
  }
}

/**
 * The session's connection, its commit made fatal: a cycle's journal that
 * cannot be folded into the lockfile ends the watch (a crash after it would
 * replay or lose what the cycle did).
 */
export function withFatalCommit(connection: WriteConnection): WriteConnection {
  return { ...connection, commit: () => fatalOnFailure(() => connection.commit()) };
}

/**
 * Commits after a cycle failed with `error`, then rethrows it. A commit that
 * fails too makes it fatal; the cycle's error is still the one reported, with
 * the commit's failure as its cause (what made watching stop).
 */
export async function commitAfterError(
  connection: Pick<WriteConnection, 'commit'>,
  error: unknown,
): Promise<never> {
  try {
    await connection.commit();
  } catch (commitError) {
    throw new FatalWatchError(withCause(error, commitError));
  }
  throw error;
}

/**
 * The end of a session: a last commit, then the connection and the writer lock are released (even
 * if the commit fails).
 */
export async function closeWatchSession(session: WatchSession): Promise<void> {
  const { connection } = session;
  if (!connection) return;
  try {
    await connection.commit();
  } finally {
    await connection.close();
  }
}

/**
 * A config edit that points the session elsewhere cannot be followed: the lock and connection
 * belong to the first target.
 */
export function assertTargetUnchanged(
  connection: Pick<WriteConnection, 'target'>,
  next: Target,
): void {
  const first = connection.target;
  if (sameTarget(first, next)) return;
  const message =
    `The config now targets ${describeTarget(next)}, not ${describeTarget(first)} ` +
    'as when watching started; nothing was applied';
  throw new RuntypeError('WATCH_TARGET_CHANGED', message, {
    hint: 'Stop sync --watch (Ctrl-C) and start it again to sync to the new target.',
    meta: { environment: next.environment },
  });
}
