import { randomBytes } from 'node:crypto';
import { promises as fsp, type Stats } from 'node:fs';
import os from 'node:os';
import { RuntypeError } from '../errors.js';
import { isErrnoCode, readTextIfExists } from './atomic-write.js';
import { ensureRuntypeDir, writerLockPath } from './paths.js';
import { isProcessAlive, judgeHolder, type HolderVerdict } from './writer-lock-holder.js';

export interface WriterLock {
  readonly file: string;
  /** Remove the pid file if it is still ours. Safe to call twice. */
  release(): Promise<void>;
}

export interface WriterLockOptions {
  /**
   * Injectable for tests; default os.hostname(), process.pid, the real clock and process.kill
   * probe.
   */
  hostname?: string;
  pid?: number;
  now?: () => Date;
  isAlive?: (pid: number) => boolean;
  /** A lock from another host older than this (default 1 hour) is taken over. */
  foreignStaleAfterMs?: number;
}

/** Builds the error for a lock that is held (`verdict` says by whom); `file` is the lock file. */
export type LockBusyError = (file: string, verdict: HolderVerdict) => RuntypeError;

/**
 * The holder touches its file this often, so a long `sync --watch` never looks stale to another
 * host.
 */
const HEARTBEAT_MS = 5 * 60_000;

/**
 * One writer per project at a time: `.runtype/sync.pid` (see acquireLockFile);
 * LOCK_BUSY while another run holds it.
 */
export async function acquireWriterLock(
  root: string,
  options: WriterLockOptions = {},
): Promise<WriterLock> {
  await ensureRuntypeDir(root);
  return acquireLockFile(writerLockPath(root), syncBusy, options);
}

/**
 * A pid file created with O_EXCL and held (refreshed by a heartbeat) until
 * released. A file left by a dead process (same host, pid gone — e.g. after
 * SIGKILL) or by another host and not refreshed for an hour is taken over;
 * otherwise the `busy` error is thrown. The folder must exist.
 */
export async function acquireLockFile(
  file: string,
  busy: LockBusyError,
  options: WriterLockOptions = {},
): Promise<WriterLock> {
  const hostname = options.hostname ?? os.hostname();
  const now = options.now ?? (() => new Date());
  const pid = options.pid ?? process.pid;
  const mine = `${JSON.stringify({ pid, hostname, startedAt: now().toISOString() }, null, 2)}\n`;
  const context = {
    hostname,
    isAlive: options.isAlive ?? isProcessAlive,
    foreignStaleAfterMs: options.foreignStaleAfterMs ?? 3_600_000,
  };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (await createExclusive(file, mine)) return holdLock(file, mine);
    const seen = await readHolderFile(file);
    if (seen === undefined) continue; // released between our attempt and the read
    const verdict = judgeHolder(
      { text: seen.text, ageMs: now().getTime() - seen.stats.mtimeMs },
      context,
    );
    if (!verdict.stale) throw busy(file, verdict);
    await takeOver(file, seen.text, verdict, busy);
  }
  throw busy(file, { stale: false, reason: 'other runs keep taking it' });
}

// --- internal ---

async function createExclusive(file: string, text: string): Promise<boolean> {
  try {
    await fsp.writeFile(file, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if (isErrnoCode(error, 'EEXIST')) return false;
    throw error;
  }
}

async function readHolderFile(file: string): Promise<{ text: string; stats: Stats } | undefined> {
  try {
    const stats = await fsp.stat(file);
    const text = await readTextIfExists(file);
    return text === undefined ? undefined : { text, stats };
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

/**
 * Move the stale file aside rather than deleting it, then check that what was
 * moved is the file judged stale: if another run took it over in between, put
 * its lock back and give up, so two runs never both think they hold it.
 */
async function takeOver(
  file: string,
  staleText: string,
  verdict: HolderVerdict,
  busy: LockBusyError,
): Promise<void> {
  const aside = `${file}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await fsp.rename(file, aside);
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return;
    throw error;
  }
  const moved = await readTextIfExists(aside);
  if (moved !== staleText) {
    await fsp.link(aside, file).catch(() => undefined);
    await fsp.rm(aside, { force: true });
    throw busy(file, {
      ...verdict,
      stale: false,
      reason: 'another run took over the stale lock first',
    });
  }
  await fsp.rm(aside, { force: true });
}

function holdLock(file: string, mine: string): WriterLock {
  const heartbeat = setInterval(() => {
    const at = new Date();
    fsp.utimes(file, at, at).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  return {
    file,
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      if ((await readTextIfExists(file)) === mine) await fsp.rm(file, { force: true });
    },
  };
}

/** acquireWriterLock's LockBusyError. */
function syncBusy(file: string, verdict: HolderVerdict): RuntypeError {
  const holder = verdict.holder;
  const who = verdict.stale ? 'another run' : verdict.reason;
  const since = holder?.startedAt ? `, started ${holder.startedAt}` : '';
  return new RuntypeError(
    'LOCK_BUSY',
    `Another runtype-flows sync is running in this project (${who}${since}); it holds ${file}.`,
    {
      hint: `Wait for it to finish. If no sync is running, delete ${file} and re-run.`,
      meta: { file, ...(holder ? { pid: holder.pid, hostname: holder.hostname } : {}) },
    },
  );
}
