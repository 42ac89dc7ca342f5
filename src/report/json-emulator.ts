import { JSON_SCHEMA_VERSION } from './json-version.js';

/**
 * What `emulator --json` prints on stdout, one JSON object a line
 * (schemas/emulator-event.schema.json).
 */
export type EmulatorEvent =
  | { event: 'listening'; url: string; port: number; key: string | null }
  | { event: 'stopped' }
  | { event: 'error'; error: { code: string; message: string; hint?: string } };

/** One line of `emulator --json`: `listening` comes first, so a script can read the URL and go. */
export function formatEmulatorEvent(event: EmulatorEvent): string {
  return `${JSON.stringify({ schemaVersion: JSON_SCHEMA_VERSION, ...event })}\n`;
}
