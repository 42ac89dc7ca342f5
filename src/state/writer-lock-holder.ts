/**
 * What `.runtype/sync.pid` says about the run holding it, and whether that
 * run is gone. Pure apart from the injected liveness probe, so every case is
 * a plain unit test.
 */
export interface WriterLockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
}

export interface HolderFacts {
  /** The file's raw text (a holder that crashed while writing it leaves it empty). */
  text: string;
  /** Time since the file was created or last refreshed by its holder. */
  ageMs: number;
}

export interface HolderContext {
  hostname: string;
  isAlive: (pid: number) => boolean;
  /** How long a lock from another host is trusted without a refresh. */
  foreignStaleAfterMs: number;
}

/** A file this young with unreadable content is probably being written right now. */
const UNREADABLE_GRACE_MS = 10_000;

export type HolderVerdict =
  | { stale: true; holder?: WriterLockHolder }
  | { stale: false; holder?: WriterLockHolder; reason: string };

export function judgeHolder(facts: HolderFacts, context: HolderContext): HolderVerdict {
  const holder = parseHolder(facts.text);
  if (holder === undefined) {
    return facts.ageMs > UNREADABLE_GRACE_MS
      ? { stale: true }
      : { stale: false, reason: 'another sync is starting' };
  }
  if (holder.hostname === context.hostname) {
    // Same host: the pid answers it at once, even right after a SIGKILL.
    return context.isAlive(holder.pid)
      ? { stale: false, holder, reason: `pid ${holder.pid} on this host` }
      : { stale: true, holder };
  }
  // Another host (a shared or mounted folder): its pids mean nothing here, only the age does.
  return facts.ageMs > context.foreignStaleAfterMs
    ? { stale: true, holder }
    : { stale: false, holder, reason: `pid ${holder.pid} on host ${holder.hostname}` };
}

export function parseHolder(text: string): WriterLockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<WriterLockHolder> | null;
    if (value === null || typeof value !== 'object') return undefined;
    const { pid, hostname, startedAt } = value;
    if (
      typeof pid !== 'number' ||
      !Number.isInteger(pid) ||
      pid <= 0 ||
      typeof hostname !== 'string'
    )
      return undefined;
    return { pid, hostname, startedAt: typeof startedAt === 'string' ? startedAt : '' };
  } catch {
    return undefined;
  }
}

/**
 * process.kill(pid, 0) probes without signalling: ESRCH means no such process, EPERM means alive
 * but not ours.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}
