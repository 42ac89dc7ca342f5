import { randomFillSync } from 'node:crypto';
import { FLOW_ID_PREFIX, STEP_ID_PREFIX, VERSION_ID_PREFIX } from './assumptions.js';

/**
 * Random bytes from a pooled CSPRNG buffer: one syscall per 4 KiB instead of one per id, which
 * matters on the create hot path (several ids per flow).
 */
const pool = Buffer.alloc(4096);
let offset = pool.length;

function randomBytes(count: number): Buffer {
  if (offset + count > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + count);
  offset += count;
  return bytes;
}

function randomHex(length: number): string {
  const hex = randomBytes(Math.ceil(length / 2)).toString('hex');
  return hex.length === length ? hex : hex.slice(0, length);
}

export function newFlowId(): string {
  return FLOW_ID_PREFIX + typeIdSuffix();
}

export function newVersionId(): string {
  return VERSION_ID_PREFIX + typeIdSuffix();
}

export function newStepId(): string {
  return STEP_ID_PREFIX + randomHex(16);
}

/**
 * Whether a path segment can be a flow id: a `flow_` TypeID, or a UUID (the ids of state files
 * made before the emulator used TypeIDs). Anything else is "Invalid flow ID" (assumptions.ts).
 */
export function isWellFormedFlowId(id: string): boolean {
  return FLOW_TYPE_ID.test(id) || UUID.test(id);
}

// --- internal ---

/** Crockford's base32 alphabet, lowercase, as TypeIDs spell it. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const FLOW_TYPE_ID = /^flow_[0-7][0-9a-hjkmnp-tv-z]{25}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The 26 characters after a TypeID's prefix: 128 bits (a UUIDv7's layout: 48 bits of
 * milliseconds, then random) in base32, two zero bits first, so the first character is 0-7 and
 * ids made later sort later.
 */
function typeIdSuffix(): string {
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(Date.now(), 0, 6);
  randomBytes(10).copy(bytes, 6);
  let out = '';
  let buffer = 0; // at most 12 pending bits: fits a number exactly
  let bits = 2; // the two leading zero bits
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}
