import { RuntypeError } from '../errors.js';
import { normalizeApiUrl } from './api-url.js';
import { readLockfile, writeLockfile } from './lockfile.js';
import type { LockSection, Lockfile } from './lockfile-schema.js';

/**
 * Where one section lives (file and name), and the API the run is aimed at (its section must be
 * bound to it).
 */
export interface SectionAddress {
  file: string;
  /** The section's name (an environment's lockSection, or its name for a local section). */
  name: string;
  apiUrl: string;
}

export interface OpenedSection {
  lockfile: Lockfile;
  /** The stored section, or an empty one bound to the run's URL. */
  section: LockSection;
  /** Whether the file already had this section. */
  exists: boolean;
}

/**
 * Read a lockfile and take one section out of it, refusing when the section
 * belongs to another API: ids minted by staging must never be used, or
 * overwritten, by a run against production.
 */
export async function openSection(section: SectionAddress): Promise<OpenedSection> {
  const lockfile = await readLockfile(section.file);
  const stored = lockfile.environments[section.name];
  const apiUrl = normalizeApiUrl(section.apiUrl);
  if (stored === undefined) return { lockfile, section: { apiUrl, flows: {} }, exists: false };
  assertSectionApi({ ...section, apiUrl }, normalizeApiUrl(stored.apiUrl), section.file);
  return { lockfile, section: { apiUrl, flows: stored.flows }, exists: true };
}

/**
 * Rewrite one section. The file is re-read right before writing, so other
 * sections (another environment's sync, a `git pull`) are carried over as
 * they are now, not as they were when the run started. A section that did
 * not exist and would stay empty is not added.
 */
export async function updateSection(
  section: SectionAddress,
  update: (current: LockSection) => LockSection,
): Promise<{ section: LockSection; written: boolean }> {
  const opened = await openSection(section);
  const { lockfile, exists } = opened;
  const next: LockSection = { apiUrl: opened.section.apiUrl, flows: update(opened.section).flows };
  if (!exists && Object.keys(next.flows).length === 0) return { section: next, written: false };
  const environments = { ...lockfile.environments, [section.name]: next };
  const written = await writeLockfile(section.file, { ...lockfile, environments });
  return { section: next, written };
}

/** Throws LOCK_TARGET_MISMATCH unless both URLs (already normalised) are the same API. */
export function assertSectionApi(
  section: SectionAddress,
  storedApiUrl: string,
  where: string,
): void {
  if (storedApiUrl === section.apiUrl) return;
  throw new RuntypeError(
    'LOCK_TARGET_MISMATCH',
    `Lock section "${section.name}" in ${where} belongs to ${storedApiUrl}, but this run ` +
      `targets ${section.apiUrl}.`,
    {
      hint:
        'Select the environment that matches this URL (--env / RUNTYPE_ENV, or unset ' +
        'RUNTYPE_API_URL), ' +
        'or give this environment its own lockSection in runtype.config.ts.',
      meta: {
        file: section.file,
        section: section.name,
        lockedApiUrl: storedApiUrl,
        targetApiUrl: section.apiUrl,
      },
    },
  );
}
