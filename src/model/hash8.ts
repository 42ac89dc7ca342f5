/**
 * FNV-1a (32 bits) over the text's UTF-8 bytes, as 8 hex digits: short, stable, and pure (no
 * node:crypto). What a name that cannot be a slug is told apart by (a step id, a pulled flow's
 * key).
 */
export function hash8(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
