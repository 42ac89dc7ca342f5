/**
 * One emulator per state file: `<state file>.lock`, held for the server's lifetime. Two
 * emulators on one file would each rewrite it from their own memory (last writer wins, the
 * other's flows are lost), so the second start is refused. The pid file, its staleness rules
 * (a dead holder on this host is taken over at once, one from another host after an hour
 * without a refresh) and its heartbeat are the sync writer lock's (state/writer-lock.ts);
 * only the error differs. A read-only emulator takes no lock (see index.ts).
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { RuntypeError } from '../errors.js';
import { acquireLockFile, type WriterLock, type WriterLockOptions } from '../state/writer-lock.js';
import type { HolderVerdict } from '../state/writer-lock-holder.js';

export type StateLock = WriterLock;
/** Injectable for tests (liveness probe, hostname, clock); defaults are the real ones. */
export type StateLockOptions = WriterLockOptions;

export async function lockStateFile(
  statePath: string,
  options: StateLockOptions = {},
): Promise<StateLock> {
  await mkdir(dirname(statePath), { recursive: true });
  return acquireLockFile(
    `${statePath}.lock`,
    (file, verdict) => locked(statePath, file, verdict),
    options,
  );
}

// --- internal ---

function locked(statePath: string, file: string, verdict: HolderVerdict): RuntypeError {
  const holder = verdict.holder;
  const who = verdict.stale ? 'another emulator' : verdict.reason;
  const since = holder?.startedAt ? `, started ${holder.startedAt}` : '';
  return new RuntypeError(
    'EMULATOR_STATE_LOCKED',
    `Another emulator is using the state file ${statePath} (${who}${since}).`,
    {
      hint:
        'Stop that emulator (or the runtype-flows run that started it) first, or use another ' +
        `state file. If none is running, delete ${file}.`,
      meta: {
        file: statePath,
        lockFile: file,
        ...(holder ? { pid: holder.pid, hostname: holder.hostname } : {}),
      },
    },
  );
}
