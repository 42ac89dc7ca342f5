import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { RuntypeError } from '../errors.js';
import { isErrnoCode } from './atomic-write.js';
import { SECTION_NAME_PATTERN } from './lockfile-schema.js';

/**
 * Where lock state lives, relative to the project root. Shared environments
 * share the committed `runtype.lock.json`; personal and emulator environments
 * each get `.runtype/lock/<env>.json`, never committed.
 */
export type LockLocation = 'shared' | 'local';

export const SHARED_LOCKFILE_NAME = 'runtype.lock.json';
export const RUNTYPE_DIR = '.runtype';

export interface LockPaths {
  lockfile: string;
  /** Append-only record of this section's writes since the last fold. */
  journal: string;
}

export function lockPaths(root: string, location: LockLocation, section: string): LockPaths {
  assertSectionName(section);
  const runtypeDir = path.join(root, RUNTYPE_DIR);
  if (location === 'shared') {
    return {
      lockfile: path.join(root, SHARED_LOCKFILE_NAME),
      journal: path.join(runtypeDir, 'journal', `${section}.ndjson`),
    };
  }
  // The local journal sits beside its lockfile, so a personal env and a shared
  // section of the same name never share a journal.
  const dir = path.join(runtypeDir, 'lock');
  return {
    lockfile: path.join(dir, `${section}.json`),
    journal: path.join(dir, `${section}.ndjson`),
  };
}

export function writerLockPath(root: string): string {
  return path.join(root, RUNTYPE_DIR, 'sync.pid');
}

/**
 * Create `.runtype/` with a `.gitignore` of `*`, so nothing in it is ever
 * committed even in a project whose own .gitignore does not mention it.
 */
export async function ensureRuntypeDir(root: string): Promise<string> {
  const dir = path.join(root, RUNTYPE_DIR);
  await fsp.mkdir(dir, { recursive: true });
  try {
    await fsp.writeFile(path.join(dir, '.gitignore'), '*\n', { flag: 'wx' });
  } catch (error) {
    if (!isErrnoCode(error, 'EEXIST')) throw error;
  }
  return dir;
}

/** Section names end up in file names: refuse anything that could leave the folder. */
export function assertSectionName(section: string): void {
  if (!SECTION_NAME_PATTERN.test(section)) {
    throw new RuntypeError(
      'LOCK_SECTION_INVALID',
      `Invalid lock section name ${JSON.stringify(section)}.`,
      {
        hint: 'Section names (environment names and lockSection) use letters, digits, "-" and "_".',
        meta: { section },
      },
    );
  }
}
