import { randomUUID } from 'node:crypto';
import { STEP_ID_PREFIX, VERSION_ID_PREFIX } from './assumptions.js';

/** Random lowercase hex (up to 32 chars); randomUUID is the cheapest CSPRNG call in Node. */
function randomHex(length: number): string {
  return randomUUID().replaceAll('-', '').slice(0, length);
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
