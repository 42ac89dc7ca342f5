import { closeSync, fdatasync, fstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { RuntypeError } from '../errors.js';
import { syncDirectory } from './atomic-write.js';
import { toJournalLine, type BeginRecord, type JournalRecord } from './journal-record.js';

const fdatasyncAsync = promisify(fdatasync);

export interface JournalWriter {
  readonly file: string;
  /**
   * Append one record now: one write(2) on an O_APPEND fd, so records land in
   * call order and a process crash keeps every written line. Throws
   * (synchronously) if it could not be written.
   */
  write(record: JournalRecord): void;
  /** Resolves once every record written so far is on disk (fdatasync). */
  flush(): Promise<void>;
  /** Make every appended record durable and close the file; the next append reopens it. */
  close(): Promise<void>;
}

/**
 * Records not explicitly flushed reach the disk within this long (a power loss window, not a crash
 * window).
 */
export const LAZY_SYNC_MS = 100;

/**
 * Durability, cheaply:
 * - every record is written at once with one write(2): from then on it
 *   survives a crash of this process (SIGKILL, Ctrl-C, an exception), because
 *   the kernel holds it;
 * - flush() waits for fdatasync, which also survives a power loss. Group
 *   commit: one fdatasync covers every record written before it started, so
 *   concurrent flushes (apply runs several requests at once) share syncs;
 * - anything written and not flushed is synced by a timer within
 *   LAZY_SYNC_MS, and by the next flush or close.
 * The store flushes before a create POST (the intent) and lets the other
 * records ride on the next flush or the timer (see lock-store.ts).
 * The file is opened on the first write, so a run that writes nothing leaves
 * no journal.
 */
export function createJournalWriter(file: string, begin: BeginRecord): JournalWriter {
  let fd: number | undefined;
  let failure: RuntypeError | undefined;
  let written = 0;
  let durable = 0;
  let syncDir = false;
  let syncing: Promise<void> | undefined;
  let lazySync: NodeJS.Timeout | undefined;

  function write(text: string): void {
    if (fd === undefined) {
      mkdirSync(path.dirname(file), { recursive: true });
      fd = openSync(file, 'a');
      const size = fstatSync(fd).size;
      // A fresh file starts with its header; its directory entry needs a sync of its own.
      if (size === 0) writeLine(fd, toJournalLine(begin));
      syncDir = size === 0;
    }
    writeLine(fd, text);
    lazySync ??= setTimeout(() => {
      lazySync = undefined;
      // a failure is kept in `failure` for the next write or flush
      syncThrough(written).catch(() => undefined);
    }, LAZY_SYNC_MS).unref();
  }

  function writeLine(handle: number, text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    const count = writeSync(handle, bytes);
    if (count !== bytes.length) throw new Error(`short write (${count} of ${bytes.length} bytes)`);
    written += 1;
  }

  async function syncOnce(handle: number): Promise<void> {
    // Let the callers woken by the previous sync write their next records
    // first, so this one sync covers all of them rather than just the first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const upTo = written;
    try {
      await fdatasyncAsync(handle);
      if (syncDir) {
        syncDir = false;
        await syncDirectory(path.dirname(file));
      }
      durable = Math.max(durable, upTo);
    } catch (error) {
      throw fail(error);
    } finally {
      syncing = undefined;
    }
  }

  async function syncThrough(target: number): Promise<void> {
    while (durable < target) {
      if (failure !== undefined) throw failure;
      if (fd === undefined) return;
      syncing ??= syncOnce(fd);
      await syncing;
    }
  }

  function fail(error: unknown): RuntypeError {
    // After a failed or partial write nothing more is appended: a torn line
    // must stay the last line for the reader to tolerate it.
    failure ??= new RuntypeError(
      'JOURNAL_WRITE_FAILED',
      `Could not write ${file}: ${error instanceof Error ? error.message : String(error)}`,
      {
        hint: 'Check the free space and permissions of the project folder.',
        meta: { file },
        cause: error,
      },
    );
    return failure;
  }

  return {
    file,
    write(record) {
      if (failure !== undefined) throw failure;
      try {
        write(toJournalLine(record));
      } catch (error) {
        throw fail(error);
      }
    },
    flush() {
      return syncThrough(written);
    },
    async close() {
      if (fd === undefined) return;
      const handle = fd;
      clearTimeout(lazySync);
      lazySync = undefined;
      try {
        if (failure === undefined) await syncThrough(written);
      } finally {
        // never close the fd under a sync still running on it
        await syncing?.catch(() => undefined);
        fd = undefined;
        failure = undefined;
        written = 0;
        durable = 0;
        closeSync(handle);
      }
    },
  };
}
