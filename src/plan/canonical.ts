import { createHash } from 'node:crypto';
import type { FlowPayload } from './payload.js';

/**
 * JSON with object keys sorted at every level: the single definition of
 * "the same content". Reformatting a flow file or reordering object keys
 * changes nothing; array order (step order) does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/**
 * sha256 hex of the canonical payload. Stored in the lockfile; compared to
 * detect change and drift. `description` is left out: the API takes it on
 * create only and returns it nowhere, so it can be neither updated nor
 * compared — a description-only edit is a note (see descriptionHash), not a
 * change.
 */
export function contentHash(payload: FlowPayload): string {
  const { description: _description, ...content } = payload;
  return sha256(canonicalJson(content));
}

/**
 * Hash of a flow's description (absent: no description), kept to notice a description-only edit.
 */
export function descriptionHash(payload: Pick<FlowPayload, 'description'>): string | undefined {
  return payload.description === undefined ? undefined : sha256(payload.description);
}

// --- internal ---

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
