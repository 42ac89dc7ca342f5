import { hash8 } from '../model/hash8.js';

/**
 * The key and file name a pulled flow gets: a slug of its name (`Customer
 * Outreach Flow` → `customer-outreach-flow`), letters stripped of their
 * accents (`Café` → `cafe`), so the key reads like one a person chose and
 * stays the same on every pull of the same name. A name with no letter or
 * digit to keep gets `flow-<hash of the name>`.
 */
export function flowKeyOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === '') return `flow-${hash8(name)}`;
  return slug.length <= MAX_KEY_LENGTH ? slug : slug.slice(0, MAX_KEY_LENGTH).replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`, … : the first that `taken` does not hold. */
export function uniqueName(base: string, taken: (candidate: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}

// --- internal ---

/** Long enough to tell flows apart, short enough for a file name on every platform. */
const MAX_KEY_LENGTH = 64;
