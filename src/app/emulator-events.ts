/**
 * What `emulator` reports, one event at a time: human lines on stderr, and with --json one JSON
 * object a line on stdout (schemas/emulator-event.schema.json), `listening` first so a script can
 * read the URL and go.
 */
export type EmulatorEvent = EmulatorListening | EmulatorStopped | EmulatorFailed;

export interface EmulatorListening {
  event: 'listening';
  /** Base URL with /v1. */
  apiUrl: string;
  port: number;
  /** The key it accepts when that is the public default; null for one given with --key. */
  key: string | null;
  statePath?: string;
  /** Step types accepted besides the API's list. */
  extraStepTypes: readonly string[];
  /** Injected faults that are on, by name (`latencyMs`, `errorRate`, ...). */
  faults: Readonly<Record<string, number>>;
  /** The fault PRNG's seed (replays the same faults). */
  seed: number;
  /** How it answers what the API document leaves open (`first` unless asked otherwise). */
  reading: string;
}

export interface EmulatorStopped {
  event: 'stopped';
}

/** It could not start, a background save failed (it keeps serving), or it could not save on stop. */
export interface EmulatorFailed {
  event: 'error';
  error: unknown;
  when: 'starting' | 'serving' | 'stopping';
}
