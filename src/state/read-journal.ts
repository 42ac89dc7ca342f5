import { RuntypeError } from '../errors.js';
import { readTextIfExists } from './atomic-write.js';
import { JournalRecordSchema, type JournalRecord } from './journal-record.js';

export interface JournalContents {
  /** False when there is no journal file (the usual case: the last run committed). */
  exists: boolean;
  records: JournalRecord[];
  /**
   * Unreadable lines at the end of the file, ignored: a crash in the middle of
   * an append (or a power loss before the data reached the disk) leaves one.
   */
  tornLines: number;
}

export async function readJournal(file: string): Promise<JournalContents> {
  const text = await readTextIfExists(file);
  if (text === undefined) return { exists: false, records: [], tornLines: 0 };
  return { exists: true, ...parseJournal(text, file) };
}

/**
 * Journal text → records. An unreadable line followed by readable ones is
 * not a torn append (appends stop after a failed write), so it is refused
 * rather than skipped: skipping a `created` would lose an id.
 */
export function parseJournal(
  text: string,
  file: string,
): { records: JournalRecord[]; tornLines: number } {
  const records: JournalRecord[] = [];
  let firstBadLine: { line: number; reason: string } | undefined;
  let tornLines = 0;
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    if (typeof parsed === 'string') {
      firstBadLine ??= { line: index + 1, reason: parsed };
      tornLines += 1;
      continue;
    }
    if (firstBadLine !== undefined)
      throw corruptJournal(file, firstBadLine.line, firstBadLine.reason);
    records.push(parsed);
  }
  return { records, tornLines };
}

// --- internal ---

/** The record, or why the line is not one. */
function parseLine(line: string): JournalRecord | string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  const result = JournalRecordSchema.safeParse(json);
  return result.success ? result.data : (result.error.issues[0]?.message ?? 'not a journal record');
}

function corruptJournal(file: string, line: number, reason: string): RuntypeError {
  return new RuntypeError(
    'JOURNAL_CORRUPT',
    `${file}:${line}: unreadable journal record (${reason}).`,
    {
      hint:
        'The journal holds writes not yet folded into the lockfile. Fix or delete that line and ' +
        're-run; ' +
        'flows whose ids are lost are re-adopted by name on the next sync.',
      meta: { file, line },
    },
  );
}
