import { RuntypeError } from '../errors.js';
import { matchesLockfileSchema } from './check-lockfile.js';
import { LockfileSchema, type Lockfile } from './lockfile-schema.js';
import { migrateLockfile } from './migrate-lockfile.js';

/**
 * Lockfile text → Lockfile, or a RuntypeError that names the file (and the
 * line, where there is one). Pure: reading and writing live in lockfile.ts.
 */
export function parseLockfile(text: string, file: string): Lockfile {
  const conflictLine = findConflictMarker(text);
  if (conflictLine !== undefined) {
    throw corrupt(
      `${file}:${conflictLine}: unresolved git merge conflict (conflict markers in the file).`,
      file,
      conflictLine,
      {
        hint:
          "Resolve the conflict keeping both sides' entries, or delete the conflicting entries " +
          'and re-run sync: ' +
          'flows already on the server are re-adopted by name.',
      },
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const line = lineOfJsonError(reason, text);
    const where = line === undefined ? file : `${file}:${line}`;
    throw corrupt(`${where}: invalid JSON (${reason}).`, file, line, { cause: error });
  }
  const migrated = migrateLockfile(doc, file);
  // The common case, a valid file, without zod; zod judges the rest and names the problems.
  if (matchesLockfileSchema(migrated)) return migrated;
  const parsed = LockfileSchema.safeParse(migrated);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${formatPath(issue.path)}: ${issue.message}`,
    );
    const shown =
      problems.slice(0, 5).join('; ') +
      (problems.length > 5 ? `; and ${problems.length - 5} more` : '');
    throw new RuntypeError('LOCKFILE_CORRUPT', `${file} is not a valid lockfile: ${shown}.`, {
      hint: 'Undo the hand edit (git diff shows it), or restore the file from git.',
      meta: { file, problems },
    });
  }
  return parsed.data;
}

// --- internal ---

const CONFLICT_MARKER = /^(<{7}|={7}|>{7}|\|{7})(?:\s|$)/;

/** 1-based line of the first git conflict marker, if any. */
function findConflictMarker(text: string): number | undefined {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => CONFLICT_MARKER.test(line));
  return index === -1 ? undefined : index + 1;
}

/** V8 says "at position N" (Node 20) or "(line L column C)" (newer). */
function lineOfJsonError(message: string, text: string): number | undefined {
  const explicit = /line (\d+)/.exec(message);
  if (explicit?.[1] !== undefined) return Number(explicit[1]);
  const position = /position (\d+)/.exec(message);
  if (position?.[1] !== undefined) return text.slice(0, Number(position[1])).split('\n').length;
  return undefined;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('.');
}

function corrupt(
  message: string,
  file: string,
  line: number | undefined,
  options: { hint?: string; cause?: unknown },
): RuntypeError {
  return new RuntypeError('LOCKFILE_CORRUPT', message, {
    hint: options.hint ?? 'Fix the file by hand or restore it from git; nothing was changed.',
    meta: line === undefined ? { file } : { file, line },
    cause: options.cause,
  });
}
