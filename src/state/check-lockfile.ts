import {
  LOCKFILE_VERSION,
  SECTION_NAME_PATTERN,
  type LockEntry,
  type Lockfile,
} from './lockfile-schema.js';

/**
 * A fast yes to "does this document match LockfileSchema exactly?", written out by hand: zod
 * took 7–17 ms for a 500-flow lockfile whose JSON.parse took 0.4–2 ms, on every read. It only
 * ever says yes to documents the schema accepts; for anything else (including what it does not
 * know how to judge) it says no, and the caller asks zod, whose messages name the problem. Kept
 * beside the schema's fields: a field added there and not here only makes reads slower (every
 * lock with the field is sent to zod), never wrong.
 */
export function matchesLockfileSchema(doc: unknown): doc is Lockfile {
  if (!isPlainObject(doc) || !hasOnly(doc, TOP_KEYS)) return false;
  if (doc.lockfileVersion !== LOCKFILE_VERSION) return false;
  const sections = doc.environments;
  if (!isPlainObject(sections)) return false;
  for (const [name, section] of Object.entries(sections)) {
    if (!SECTION_NAME_PATTERN.test(name) || !isSection(section)) return false;
  }
  return true;
}

// --- internal ---

const TOP_KEYS = new Set(['lockfileVersion', 'environments']);
const SECTION_KEYS = new Set(['apiUrl', 'flows']);
const ENTRY_KEYS = new Set<keyof LockEntry>([
  'id',
  'hash',
  'name',
  'remoteHash',
  'published',
  'descriptionHash',
  'updatedAt',
  'attempted',
]);
const SHA256 = /^[0-9a-f]{64}$/;

function isSection(section: unknown): boolean {
  if (!isPlainObject(section) || !hasOnly(section, SECTION_KEYS)) return false;
  if (typeof section.apiUrl !== 'string' || section.apiUrl.length === 0) return false;
  const flows = section.flows;
  if (!isPlainObject(flows)) return false;
  for (const [key, entry] of Object.entries(flows)) {
    if (key.length === 0 || !isEntry(entry)) return false;
  }
  return true;
}

function isEntry(entry: unknown): boolean {
  if (!isPlainObject(entry) || !hasOnly(entry, ENTRY_KEYS)) return false;
  const { id, hash, name, remoteHash, published, descriptionHash, updatedAt, attempted } = entry;
  return (
    typeof id === 'string' &&
    id.length > 0 &&
    isHash(hash) &&
    typeof name === 'string' &&
    optional(remoteHash, isHash) &&
    optional(published, isHash) &&
    optional(descriptionHash, isHash) &&
    optional(updatedAt, (v) => typeof v === 'string' && v.length > 0) &&
    optional(attempted, (v) => Array.isArray(v) && v.every(isHash))
  );
}

const isHash = (value: unknown): boolean => typeof value === 'string' && SHA256.test(value);

/** Absent or undefined passes (zod's optional), anything else must pass `check`. */
function optional(value: unknown, check: (value: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

/** A JSON object (no array, no null), with no key zod might treat specially. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype &&
    !Object.prototype.hasOwnProperty.call(value, '__proto__')
  );
}

function hasOnly(object: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in object) if (!allowed.has(key)) return false;
  return true;
}
