import { RuntypeError } from '../errors.js';
import { LOCKFILE_VERSION } from './lockfile-schema.js';

/**
 * Brings a parsed lockfile document up to the current version, before the
 * schema check. Only version 1 exists; an older format would get an explicit
 * step here (`if (version === 1) doc = upToV2(doc)`), never a silent guess.
 * A newer version is refused: this build cannot know what it would drop.
 */
export function migrateLockfile(doc: unknown, file: string): unknown {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new RuntypeError(
      'LOCKFILE_CORRUPT',
      `${file} is not a lockfile: expected a JSON object.`,
      {
        hint:
          'Restore it from git, or delete it and re-run sync (existing flows are re-adopted ' +
          'by name).',
        meta: { file },
      },
    );
  }
  const version = (doc as Record<string, unknown>).lockfileVersion;
  // a missing version is a schema error, reported with its path
  if (version === undefined || version === LOCKFILE_VERSION) return doc;
  if (typeof version === 'number' && Number.isInteger(version) && version > LOCKFILE_VERSION) {
    throw new RuntypeError(
      'LOCKFILE_VERSION',
      `${file} has lockfileVersion ${version}: it was written by a newer runtype-flows (this ` +
        `one reads version ${LOCKFILE_VERSION}).`,
      {
        hint: 'Upgrade runtype-flows (npm install -D runtype-flows@latest).',
        meta: { file, lockfileVersion: version },
      },
    );
  }
  throw new RuntypeError(
    'LOCKFILE_VERSION',
    `${file} has an unknown lockfileVersion ${JSON.stringify(version)} (expected ` +
      `${LOCKFILE_VERSION}).`,
    {
      hint:
        'Restore the file from git; lockfileVersion is written by runtype-flows and should ' +
        'not be edited.',
      meta: { file },
    },
  );
}
