import { createHash } from 'node:crypto';
import type { FlowPayload } from './payload.js';

/**
 * JSON with object keys sorted at every level: the single definition of
 * "the same content". Reformatting a flow file or reordering object keys
 * changes nothing; array order (step order) does.
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => stableStringify(v)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(record[k])}`).join(',')}}`;
}

/** sha256 hex of the canonical payload. Stored in the lockfile; compared to detect change and drift. */
export function contentHash(payload: FlowPayload): string {
  return createHash('sha256').update(stableStringify(payload)).digest('hex');
}
