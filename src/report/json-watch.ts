import type { WatchEvent } from '../app/watch-events.js';
import type { JsonValue } from '../errors.js';
import { errorToJson } from './format-error.js';
import { redactValue } from './redact.js';
import { JSON_SCHEMA_VERSION } from './json-version.js';

/**
 * One line of `sync --watch --json` (NDJSON on stdout):
 *
 * ```ts
 * { schemaVersion: 1, event: 'ready', target?: { environment, kind, apiUrl, lockFile, lockSection
 * }, flows, watching }
 * { schemaVersion: 1, event: 'cycle', full, changed: string[], ok, environment, durationMs,
 *   outcomes: [{ key, name, kind, status, action, remoteId?, published?, reason?, error?{ code,
 * message } }],
 *   counts{ created, updated, adopted, recreated, deleted, published, none, failed, refused,
 *     skipped },
 *   blocked?{ reason: 'drift', keys }, interrupted?{ notStarted, cutShort: string[] }, diagnostics
 * }   // diagnostics: warnings only;
 *   // cutShort: keys whose request Ctrl-C cut off in flight (not among outcomes, not failed)
 * { schemaVersion: 1, event: 'invalid', changed, root, diagnostics, durationMs }  // nothing was
 * applied
 * { schemaVersion: 1, event: 'error', changed, fatal, error{ code, message, hint?, meta? } }
 * { schemaVersion: 1, event: 'stopped', cycles, reason: 'interrupted' | 'error' | 'refused',
 *   leftBehind?: [{ key, remoteId }], cleanup? }  // flows the session created, then saw deleted
 * ```
 *
 * Secrets are redacted in every value, as in the one-shot documents.
 */
export function toWatchJson(event: WatchEvent): Record<string, JsonValue> {
  const body = event.event === 'error' ? { ...event, error: errorToJson(event.error) } : event;
  const doc = { schemaVersion: JSON_SCHEMA_VERSION, ...body };
  return redactValue(JSON.parse(JSON.stringify(doc)) as JsonValue) as Record<string, JsonValue>;
}
