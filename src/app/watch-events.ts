import type { Diagnostic } from '../model/diagnostics.js';
import type { ChangeOutcome, SyncResult, TargetInfo } from './results.js';

/**
 * What `sync --watch` reports, one event at a time (with --json, one JSON
 * object a line on stdout, each with `schemaVersion: 1` and `event`).
 * `changed` lists the files (relative to the root) whose change started the
 * cycle; it is empty for the first one.
 */
export type WatchEvent = WatchReady | WatchCycle | WatchInvalid | WatchError | WatchStopped;

/** Watching has begun (after the first cycle, so a change made from now on is seen). */
export interface WatchReady {
  event: 'ready';
  /** Unknown until the config loads. */
  target?: TargetInfo;
  flows: number;
  /** Files and folders watched. */
  watching: number;
}

/** A cycle that loaded a valid project and applied what changed. */
export interface WatchCycle {
  event: 'cycle';
  /**
   * Every flow was planned against the whole account (the first cycle, or after one that failed).
   */
  full: boolean;
  changed: string[];
  ok: boolean;
  environment: string;
  outcomes: ChangeOutcome[];
  counts: SyncResult['counts'];
  /** Drifted flows left alone: restart with --force to overwrite them. */
  blocked?: { reason: 'drift'; keys: string[] };
  /**
   * Ctrl-C stopped the cycle: how many changes were never started, and the keys whose request
   * was cut off in flight (not counted as failed; the next sync finishes them).
   */
  interrupted?: { notStarted: number; cutShort: string[] };
  /** Warnings of the load (errors make an `invalid` event instead). */
  diagnostics: Diagnostic[];
  durationMs: number;
}

/** The code has errors: nothing was applied; the remote keeps the last good version. */
export interface WatchInvalid {
  event: 'invalid';
  changed: string[];
  root: string;
  diagnostics: Diagnostic[];
  durationMs: number;
}

/** A cycle failed (network, API, lock state); with `fatal`, watching stops. */
export interface WatchError {
  event: 'error';
  changed: string[];
  error: unknown;
  fatal: boolean;
}

export interface WatchStopped {
  event: 'stopped';
  cycles: number;
  reason: 'interrupted' | 'error' | 'refused';
  /** Flows this session created whose code it then saw deleted: still remote, until pruned. */
  leftBehind?: { key: string; remoteId: string }[];
  /** The command that removes them. */
  cleanup?: string;
}
