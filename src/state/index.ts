/**
 * state/: the lockfile and everything that keeps it correct — schema and
 * migration, deterministic serialisation, atomic writes, the per-section
 * journal that makes each remote write durable as it happens, and the
 * one-writer lock. The app uses openLockStore (sync) and readLockState (plan), and the atomic
 * write for every file a user sees (a saved plan, pulled modules).
 */
export { normalizeApiUrl } from './api-url.js';
export { writeFileAtomic } from './atomic-write.js';
export { foldJournal, findPendingCreates, type PendingCreate } from './fold-journal.js';
export { JournalRecordSchema, type JournalRecord } from './journal-record.js';
export {
  openLockStore,
  type EntryChange,
  type LockStore,
  type LockStoreOptions,
} from './lock-store.js';
export { readLockfile, writeLockfile } from './lockfile.js';
export {
  LOCKFILE_VERSION,
  LockfileSchema,
  emptyLockfile,
  type LockEntry,
  type LockSection,
  type Lockfile,
} from './lockfile-schema.js';
export { migrateLockfile } from './migrate-lockfile.js';
export { parseLockfile } from './parse-lockfile.js';
export {
  SHARED_LOCKFILE_NAME,
  emulatorStatePath,
  lockPaths,
  type LockAddress,
  type LockLocation,
  type LockPaths,
} from './paths.js';
export { parseJournal, readJournal } from './read-journal.js';
export { readLockState, type LockState } from './read-lock-state.js';
export { recoverJournal, type Recovery } from './recover-journal.js';
export { openSection, updateSection, type OpenedSection, type SectionAddress } from './section.js';
export { serializeLockfile } from './serialize-lockfile.js';
export { acquireWriterLock, type WriterLock, type WriterLockOptions } from './writer-lock.js';
