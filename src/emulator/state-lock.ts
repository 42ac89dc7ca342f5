/**
 * One emulator per state file: `<state file>.lock`, created with O_EXCL and held for the
 * server's lifetime. Two emulators on one file would each rewrite it from their own memory
 * (last writer wins, the other's flows are lost), so the second start is refused.
 *
 * The staleness rules are the sync writer lock's (state/writer-lock-holder.ts, reused):
 * a lock left by a dead process on this host (e.g. after SIGKILL) is taken over at once, one
 * from another host once it has not been refreshed for an hour. state/writer-lock.ts itself
 * is bound to `.runtype/sync.pid` and its LOCK_BUSY message, hence this small equivalent.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';
import { RuntypeError } from '../errors.js';
import { isErrnoCode, readTextIfExists } from '../state/atomic-write.js';
import { isProcessAlive, judgeHolder, type HolderVerdict } from '../state/writer-lock-holder.js';

export interface StateLock {
  readonly file: string;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): Promise<void>;
}

export interface StateLockOptions {
  /** Injectable for tests; default the liveness probe of process.kill(pid, 0). */
  isAlive?: (pid: number) => boolean;
}

/** Refreshed this often, so a long-running emulator never looks stale to another host. */
const HEARTBEAT_MS = 5 * 60_000;
const FOREIGN_STALE_AFTER_MS = 60 * 60_000;

export async function lockStateFile(statePath: string, options: StateLockOptions = {}): Promise<StateLock> {
  const file = `${statePath}.lock`;
  const hostname = os.hostname();
  const mine = `${JSON.stringify({ pid: process.pid, hostname, startedAt: new Date().toISOString() })}\n`;
  const context = { hostname, isAlive: options.isAlive ?? isProcessAlive, foreignStaleAfterMs: FOREIGN_STALE_AFTER_MS };
  await fsp.mkdir(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (await createExclusive(file, mine)) return hold(file, mine);
    const seen = await readLock(file);
    if (seen === undefined) continue; // released between our attempt and the read
    const verdict = judgeHolder(seen, context);
    if (!verdict.stale) throw locked(statePath, file, verdict);
    if (!(await moveAsideIfUnchanged(file, seen.text))) throw locked(statePath, file, verdict);
  }
  throw locked(statePath, file, { stale: false, reason: 'other emulators keep taking it' });
}

// --- internal ---

/** A rejection handler: the errno `code` means `value`, anything else is rethrown. */
function unless<T>(code: string, value: T): (error: unknown) => T {
  return (error) => {
    if (isErrnoCode(error, code)) return value;
    throw error;
  };
}

function createExclusive(file: string, text: string): Promise<boolean> {
  return fsp.writeFile(file, text, { flag: 'wx' }).then(() => true, unless('EEXIST', false));
}

async function readLock(file: string): Promise<{ text: string; ageMs: number } | undefined> {
  const stats = await fsp.stat(file).catch(unless('ENOENT', undefined));
  const text = stats === undefined ? undefined : await readTextIfExists(file);
  return stats === undefined || text === undefined ? undefined : { text, ageMs: Date.now() - stats.mtimeMs };
}

/**
 * Takes a stale lock out of the way by renaming it (not deleting: a delete could remove a
 * lock another emulator took over a moment ago). If what was moved is not the file judged
 * stale, it is put back and the takeover fails, so two emulators never both hold the lock.
 */
async function moveAsideIfUnchanged(file: string, staleText: string): Promise<boolean> {
  const aside = `${file}.${randomBytes(6).toString('hex')}.stale`;
  // Gone already (its holder released it): nothing to move, just try again.
  if (!(await fsp.rename(file, aside).then(() => true, unless('ENOENT', false)))) return true;
  const moved = await readTextIfExists(aside);
  if (moved !== staleText) await fsp.link(aside, file).catch(() => undefined);
  await fsp.rm(aside, { force: true });
  return moved === staleText;
}

function hold(file: string, mine: string): StateLock {
  const touch = (): void => void fsp.utimes(file, new Date(), new Date()).catch(() => undefined);
  const heartbeat = setInterval(touch, HEARTBEAT_MS).unref();
  let released: Promise<void> | null = null;
  const release = async (): Promise<void> => {
    clearInterval(heartbeat);
    if ((await readTextIfExists(file)) === mine) await fsp.rm(file, { force: true });
  };
  return { file, release: () => (released ??= release()) };
}

function locked(statePath: string, file: string, verdict: HolderVerdict): RuntypeError {
  const holder = verdict.holder;
  const who = verdict.stale ? 'another emulator' : verdict.reason;
  const since = holder?.startedAt ? `, started ${holder.startedAt}` : '';
  return new RuntypeError('EMULATOR_STATE_LOCKED', `Another emulator is using the state file ${statePath} (${who}${since}).`, {
    hint: `Stop that emulator (or the runtype-flows run that started it) first, or use another state file. If none is running, delete ${file}.`,
    meta: { file: statePath, lockFile: file, ...(holder ? { pid: holder.pid, hostname: holder.hostname } : {}) },
  });
}
