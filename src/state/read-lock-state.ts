import { foldJournal, findPendingCreates, type PendingCreate } from './fold-journal.js';
import type { LockEntry } from './lockfile-schema.js';
import { lockPaths, type LockAddress } from './paths.js';
import { readJournal } from './read-journal.js';
import { assertJournalApi } from './recover-journal.js';
import { openSection } from './section.js';

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
export async function readLockState(address: LockAddress): Promise<LockState> {
  const paths = lockPaths(address.root, address.location, address.section);
  const section = { file: paths.lockfile, name: address.section, apiUrl: address.apiUrl };
  const opened = await openSection(section);
  const journal = await readJournal(paths.journal);
  assertJournalApi(section, journal.records, paths.journal);
  const folded = foldJournal(opened.section, journal.records);
  return {
    entries: new Map(Object.entries(folded.flows)),
    pendingCreates: findPendingCreates(journal.records),
  };
}
