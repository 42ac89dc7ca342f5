import path from 'node:path';
import type { JsonValue } from '../errors.js';

/** Members holding one file path, and members holding a list of them. */
const FILE_KEYS = new Set(['file', 'configFile']);
const FILE_LIST_KEYS = new Set(['helperModules']);

/**
 * Makes the file paths of a JSON document relative to the project root, so the
 * output of two machines (or CI and a laptop) compares equal and stays short.
 * Paths outside the root (a helper imported from elsewhere) stay absolute; `root`
 * itself stays as it is.
 */
export function withRelativePaths<T extends JsonValue>(value: T, root: string | undefined): T {
  if (root === undefined) return value;
  return walk(value, root) as T;
}

// --- internal ---

function walk(value: JsonValue, root: string): JsonValue {
  if (Array.isArray(value)) return value.map((item) => walk(item, root));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, JsonValue> = {};
  for (const [key, member] of Object.entries(value)) {
    if (FILE_KEYS.has(key) && typeof member === 'string') out[key] = relative(member, root);
    else if (FILE_LIST_KEYS.has(key) && Array.isArray(member)) {
      out[key] = member.map((m) => (typeof m === 'string' ? relative(m, root) : m));
    } else out[key] = walk(member, root);
  }
  return out;
}

function relative(file: string, root: string): string {
  if (!path.isAbsolute(file)) return file;
  const rel = path.relative(root, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}
