import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { RuntypeError } from '../errors.js';
import { normalizeApiUrl } from './api-url.js';
import { syncDirectory, writeFileAtomic } from './atomic-write.js';
import { findPendingCreates, foldJournal, type PendingCreate } from './fold-journal.js';
import { toJournalLine, type JournalRecord } from './journal-record.js';
import type { LockSection } from './lockfile-schema.js';
import { readJournal } from './read-journal.js';
import { assertSectionApi, openSection, updateSection, type SectionAddress } from './section.js';

export interface Recovery {
  /** The section as the lockfile now holds it. */
  section: LockSection;
  /** Whether the lockfile was rewritten. */
  written: boolean;
  pendingCreates: PendingCreate[];
  /**
   * Journal records folded in (0 when there was no journal), not counting intents merely carried
   * over from an earlier fold.
   */
  records: number;
  tornLines: number;
}

/**
 * Fold a section's journal into its lockfile, then shrink the journal to the
 * creates still in doubt (or remove it when there are none) — in that order,
 * so a crash in between only folds the same records again (idempotent). An
 * unsettled intent stays on disk until a run settles it: a run that does not
 * reach that flow (`--only`, a network failure, another crash) must not
 * forget that a create of that name may have landed. Used at the start of a
 * run (recovery after a crash) and by commit at its end. The caller must hold
 * the writer lock.
 */
export async function recoverJournal(
  section: SectionAddress,
  journalFile: string,
): Promise<Recovery> {
  const journal = await readJournal(journalFile);
  if (!journal.exists) {
    const opened = await openSection(section);
    return {
      section: opened.section,
      written: false,
      pendingCreates: [],
      records: 0,
      tornLines: 0,
    };
  }
  assertJournalApi(section, journal.records, journalFile);
  const folded = await updateSection(section, (current) => foldJournal(current, journal.records));
  const pendingCreates = findPendingCreates(journal.records);
  await keepOnly(journalFile, section, pendingCreates);
  const records = journal.records.filter(
    (record) => record.op !== 'begin' && !(record.op === 'intent' && record.carried),
  ).length;
  const { written } = folded;
  return {
    section: folded.section,
    written,
    pendingCreates,
    records,
    tornLines: journal.tornLines,
  };
}

/**
 * A journal left by a crashed run against staging must not be folded into a
 * section a production run is opening (the section may not even exist yet,
 * so the lockfile alone cannot tell).
 */
export function assertJournalApi(
  section: SectionAddress,
  records: readonly JournalRecord[],
  journalFile: string,
): void {
  const expected = { ...section, apiUrl: normalizeApiUrl(section.apiUrl) };
  for (const record of records) {
    if (record.op !== 'begin') continue;
    try {
      assertSectionApi(expected, normalizeApiUrl(record.apiUrl), journalFile);
    } catch (error) {
      if (!(error instanceof RuntypeError)) throw error;
      throw new RuntypeError(
        error.code,
        `${error.message} (unfinished writes from an interrupted run)`,
        {
          hint:
            `Re-run once against ${record.apiUrl} to fold them in, or delete ${journalFile} ` +
            `(flows created by that run are re-adopted by name).`,
          meta: error.meta ?? {},
        },
      );
    }
  }
}

// --- internal ---

async function keepOnly(
  journalFile: string,
  section: SectionAddress,
  pending: readonly PendingCreate[],
): Promise<void> {
  if (pending.length === 0) {
    await fsp.rm(journalFile, { force: true });
    await syncDirectory(path.dirname(journalFile));
    return;
  }
  const records: JournalRecord[] = [
    { op: 'begin', apiUrl: normalizeApiUrl(section.apiUrl), section: section.name },
    ...pending.map((p) => ({ op: 'intent' as const, ...p, carried: true as const })),
  ];
  await writeFileAtomic(journalFile, records.map(toJournalLine).join(''));
}
