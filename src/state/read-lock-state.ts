import { foldJournal, findPendingCreates, type PendingCreate } from './fold-journal.js';
import type { LockEntry } from './lockfile-schema.js';
import { lockPaths, type LockLocation } from './paths.js';
import { readJournal } from './read-journal.js';
import { assertJournalTarget } from './recover-journal.js';
import { openSection } from './section.js';

export interface ReadLockStateOptions {
  root: string;
  section: string;
  apiUrl: string;
  location: LockLocation;
}

export interface LockState {
  entries: ReadonlyMap<string, LockEntry>;
  /** Creates a crashed run left in doubt (see openLockStore). */
  pendingCreates: PendingCreate[];
}

/**
 * The section as the next sync will see it, for read-only commands (`plan`,
 * `status`): lockfile plus any journal a crashed run left, folded in memory.
 * Takes no writer lock and writes nothing, so it works while a sync runs.
 */
export async function readLockState(options: ReadLockStateOptions): Promise<LockState> {
  const paths = lockPaths(options.root, options.location, options.section);
  const target = { file: paths.lockfile, section: options.section, apiUrl: options.apiUrl };
  const { section } = await openSection(target);
  const journal = await readJournal(paths.journal);
  assertJournalTarget(target, journal.records, paths.journal);
  const folded = foldJournal(section, journal.records);
  return {
    entries: new Map(Object.entries(folded.flows)),
    pendingCreates: findPendingCreates(journal.records),
  };
}
