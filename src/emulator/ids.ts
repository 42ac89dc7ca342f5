import { randomFillSync, randomUUID } from 'node:crypto';
import { STEP_ID_PREFIX, VERSION_ID_PREFIX } from './assumptions.js';

/**
 * Random lowercase hex from a pooled CSPRNG buffer: one syscall per 4 KiB instead of one per
 * id, which matters on the create hot path (several ids per flow).
 */
const pool = Buffer.alloc(4096);
let offset = pool.length;

function randomHex(length: number): string {
  const bytes = Math.ceil(length / 2);
  if (offset + bytes > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + bytes);
  offset += bytes;
  return hex.length === length ? hex : hex.slice(0, length);
}

export function newFlowId(): string {
  return randomUUID();
}

export function newVersionId(): string {
  return VERSION_ID_PREFIX + randomHex(26);
}

export function newStepId(): string {
  return STEP_ID_PREFIX + randomHex(16);
}
