import { InternalError } from '../errors.js';
import { normalizeApiUrl } from './api-url.js';
import { applyJournalRecord, type PendingCreate } from './fold-journal.js';
import type { JournalRecord } from './journal-record.js';
import { createJournalWriter } from './journal-writer.js';
import type { LockEntry, LockSection } from './lockfile-schema.js';
import { lockPaths, type LockAddress } from './paths.js';
import { recoverJournal } from './recover-journal.js';
import { acquireWriterLock, type WriterLockOptions } from './writer-lock.js';

/** Where the section lives (LockAddress), and how to wait for the writer lock. */
export interface LockStoreOptions extends LockAddress {
  writerLock?: WriterLockOptions;
}

export type EntryChange = LockEntry & { key: string };

export interface LockStore {
  readonly lockfile: string;
  readonly section: string;
  /** The normalised API URL this section is bound to. */
  readonly apiUrl: string;
  /**
   * Creates still in doubt (an interrupted run's, or this run's own): reconcile each by name
   * before creating it again. As of the last open or commit, the same list commit() returns.
   */
  readonly pendingCreates: readonly PendingCreate[];
  /** What opening recovered from an interrupted run's journal. */
  readonly recovered: { records: number; tornLines: number };
  /** key → entry, live: reflects every record as soon as it is made. */
  entries(): ReadonlyMap<string, LockEntry>;
  /**
   * Before a create POST. Resolves once on disk (fdatasync, with everything recorded before it):
   * only then send the POST.
   */
  recordIntent(change: { key: string; name: string; hash: string }): Promise<void>;
  /**
   * Right after a POST succeeded. This and the records below resolve once written (crash-safe); see
   * record().
   */
  recordCreated(change: EntryChange): Promise<void>;
  /** After a PUT, or after adopting an existing remote flow. */
  recordUpdated(change: EntryChange): Promise<void>;
  /**
   * Before a PUT: the remote hash it would leave, so a crash after it landed is not taken for
   * drift.
   */
  recordAttempt(change: { key: string; stateHash: string }): Promise<void>;
  /** After a publish: `hash` is the content now live, `versionId` the version (when known). */
  recordPublished(change: { key: string; hash: string; versionId?: string }): Promise<void>;
  /** After a rollback: the version made live, pinned while the code's hash is `pin.hash`. */
  recordPinned(change: { key: string; pin: NonNullable<LockEntry['pin']> }): Promise<void>;
  /** After a DELETE (or a 404 on it). */
  recordDeleted(change: { key: string }): Promise<void>;
  /** Drop an entry without a remote call. */
  recordForget(change: { key: string }): Promise<void>;
  /**
   * Fold this run's journal into the lockfile; the journal then holds only the
   * creates still in doubt (or is removed). Returns those. Don't record while it runs.
   */
  commit(): Promise<{ written: boolean; pendingCreates: PendingCreate[] }>;
  /**
   * Release the writer lock. Uncommitted records stay in the journal; the next open folds them in.
   */
  close(): Promise<void>;
}

/**
 * The lock state of one section for the length of a sync: takes the writer
 * lock, reads and checks the lockfile, folds in (and removes) any journal a
 * crashed run left, then records each remote write to the journal as it
 * happens. The lockfile itself is written only by commit (and recovery).
 */
export async function openLockStore(options: LockStoreOptions): Promise<LockStore> {
  const paths = lockPaths(options.root, options.location, options.section);
  const section = {
    file: paths.lockfile,
    name: options.section,
    apiUrl: normalizeApiUrl(options.apiUrl),
  };
  const writerLock = await acquireWriterLock(options.root, options.writerLock);
  const recovery = await recoverJournal(section, paths.journal).catch(async (error: unknown) => {
    await writerLock.release();
    throw error;
  });
  const entries = new Map<string, LockEntry>();
  const reset = (section: LockSection): void => {
    entries.clear();
    for (const [key, entry] of Object.entries(section.flows)) entries.set(key, entry);
  };
  reset(recovery.section);
  const journal = createJournalWriter(paths.journal, {
    op: 'begin',
    apiUrl: section.apiUrl,
    section: section.name,
  });
  let state: 'open' | 'committing' | 'closed' = 'open';
  let recordedSinceCommit = false;
  let pending = recovery.pendingCreates;

  /**
   * Written at once, so no record is lost if this process dies. Only an intent
   * waits for fdatasync (power-loss safe) before resolving: the POST must not
   * start before it. The others reach the disk with the next intent's sync or
   * within LAZY_SYNC_MS; losing them to a power cut costs an idempotent redo —
   * a create is re-adopted by name from its durable intent, an update is re-PUT,
   * a delete re-sent and met by 404 — never a duplicate.
   */
  async function record(entry: JournalRecord): Promise<void> {
    if (state !== 'open')
      throw new InternalError(`lock store: record "${entry.op}" while ${state}`);
    journal.write(entry); // throws if not written, leaving the in-memory state as it was
    recordedSinceCommit = true;
    applyJournalRecord(entries, entry);
    // Before a write is sent, its record must be on disk: an intent (POST) and an attempt (PUT).
    if (entry.op === 'intent' || entry.op === 'attempt') await journal.flush();
  }

  return {
    lockfile: paths.lockfile,
    section: section.name,
    apiUrl: section.apiUrl,
    // A getter: commit() replaces the list, and a long session (sync --watch) must see the new one.
    get pendingCreates() {
      return pending;
    },
    recovered: { records: recovery.records, tornLines: recovery.tornLines },
    entries: () => entries,
    recordIntent: ({ key, name, hash }) => record({ op: 'intent', key, name, hash }),
    recordCreated: (c) => record({ op: 'created', ...entryFields(c) }),
    recordUpdated: (c) => record({ op: 'updated', ...entryFields(c) }),
    recordAttempt: ({ key, stateHash }) => record({ op: 'attempt', key, stateHash }),
    recordPublished: ({ key, hash, versionId }) =>
      record({ op: 'published', key, hash, ...(versionId === undefined ? {} : { versionId }) }),
    recordPinned: ({ key, pin }) => record({ op: 'pinned', key, pin }),
    recordDeleted: ({ key }) => record({ op: 'deleted', key }),
    recordForget: ({ key }) => record({ op: 'forget', key }),
    async commit() {
      if (state !== 'open') throw new InternalError(`lock store: commit while ${state}`);
      if (!recordedSinceCommit) return { written: false, pendingCreates: pending };
      state = 'committing';
      try {
        await journal.close();
        const result = await recoverJournal(section, paths.journal);
        reset(result.section);
        recordedSinceCommit = false;
        pending = result.pendingCreates;
        return { written: result.written, pendingCreates: pending };
      } finally {
        state = 'open';
      }
    },
    async close() {
      if (state === 'closed') return;
      state = 'closed';
      try {
        await journal.close();
      } finally {
        await writerLock.release();
      }
    },
  };
}

// --- internal ---

/** The entry as journaled: `remoteHash` only when it says something `hash` does not. */
type LiveFields = 'published' | 'publishedVersionId' | 'previousVersionId' | 'pin';

function entryFields(change: EntryChange): Omit<EntryChange, LiveFields> {
  const { key, id, name, hash, remoteHash, descriptionHash, updatedAt } = change;
  return {
    key,
    id,
    name,
    hash,
    ...(remoteHash !== undefined && remoteHash !== hash ? { remoteHash } : {}),
    ...(descriptionHash === undefined ? {} : { descriptionHash }),
    ...(updatedAt === undefined ? {} : { updatedAt }),
  };
}
