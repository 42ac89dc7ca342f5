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

/**
 * Where one environment's lock state lives — project root, location, section name — and the API
 * its section is bound to: the one address the app passes to read or open it.
 */
export interface LockAddress {
  /** Project root: `runtype.lock.json` and `.runtype/` resolve from it. */
  root: string;
  /**
   * 'shared': a section of the committed runtype.lock.json; 'local': .runtype/lock/<section>.json.
   */
  location: LockLocation;
  /** Section name: the environment's lockSection (shared) or its name (local). */
  section: string;
  /** The run's API base URL (with or without /v1); the section is bound to it. */
  apiUrl: string;
}

/** The two files of a lock address. */
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

/** Where the embedded emulator of an environment keeps its state (never committed). */
export function emulatorStatePath(root: string, environment: string): string {
  return path.join(root, RUNTYPE_DIR, 'emulator', `${environment}.json`);
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
