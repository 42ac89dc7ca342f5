import type { JsonValue } from '../errors.js';

/**
 * Scrubs the API key out of anything that came from outside (a server error
 * message that echoes the Authorization header, a low-level error message)
 * before it is put into an error we throw.
 */
export type Redact = (text: string) => string;

export const REDACTED = '[redacted]';

export function createRedactor(secret: string): Redact {
  if (secret === '') return (text) => text;
  return (text) => text.split(secret).join(REDACTED);
}

/** Deep copy of parsed JSON with every string redacted (keys included). */
export function redactJson(value: unknown, redact: Redact): JsonValue | undefined {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, redact) ?? null);
  if (typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) {
      const copy = redactJson(item, redact);
      if (copy !== undefined) out[redact(key)] = copy;
    }
    return out;
  }
  return undefined;
}
