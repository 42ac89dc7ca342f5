import type { Lockfile } from './lockfile-schema.js';

/**
 * The one textual form of a lockfile: keys sorted at every level (by code
 * unit, so no locale can reorder them), 2-space indent, `\n` at the end. Two
 * runs that reach the same state write the same bytes, and each flow entry
 * sits on its own lines so additions on two branches usually merge cleanly.
 */
export function serializeLockfile(lock: Lockfile): string {
  return `${stableStringify(lock, '')}\n`;
}

/** JSON.stringify(value, null, 2) with sorted object keys. */
export function stableStringify(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => inner + stableStringify(item, inner));
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  // Written by hand rather than by building a sorted object, so a key such as
  // "__proto__" stays an ordinary key.
  const keys = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort();
  if (keys.length === 0) return '{}';
  const members = keys.map(
    (key) =>
      `${inner}${JSON.stringify(key)}: ` +
      `${stableStringify((value as Record<string, unknown>)[key], inner)}`,
  );
  return `{\n${members.join(',\n')}\n${indent}}`;
}
