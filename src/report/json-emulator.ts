import type { EmulatorEvent } from '../app/emulator-events.js';
import { isRuntypeError } from '../errors.js';
import { JSON_SCHEMA_VERSION } from './json-version.js';

/** The JSON line of an `emulator` event (schemas/emulator-event.schema.json). */
export type EmulatorEventJson =
  | { event: 'listening'; url: string; port: number; key: string | null }
  | { event: 'stopped' }
  | { event: 'error'; error: { code: string; message: string; hint?: string } };

/** One line of `emulator --json`: `listening` comes first, so a script can read the URL and go. */
export function formatEmulatorEvent(event: EmulatorEvent): string {
  return `${JSON.stringify({ schemaVersion: JSON_SCHEMA_VERSION, ...toJson(event) })}\n`;
}

// --- internal ---

function toJson(event: EmulatorEvent): EmulatorEventJson {
  switch (event.event) {
    case 'listening':
      return { event: 'listening', url: event.apiUrl, port: event.port, key: event.key };
    case 'stopped':
      return { event: 'stopped' };
    case 'error':
      return { event: 'error', error: errorBody(event.error) };
  }
}

function errorBody(error: unknown): { code: string; message: string; hint?: string } {
  if (!isRuntypeError(error)) {
    return {
      code: 'EMULATOR_ERROR',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  return {
    code: error.code,
    message: error.message,
    ...(error.hint === undefined ? {} : { hint: error.hint }),
  };
}
