import type { EmulatorEvent } from './emulator-events.js';
import type { CommandResult, PlanResult } from './results.js';
import type { WatchEvent } from './watch-events.js';
import type { Diagnostic } from '../model/diagnostics.js';

/** What a sink needs from a stream; process.stdout/stderr and test buffers both fit. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface ProgressUpdate {
  /** What is being done, e.g. "sync". */
  phase: string;
  done: number;
  total: number;
  /** The item just finished, e.g. "create customer-outreach". */
  item?: string;
  failed?: number;
}

/**
 * All output goes through a Reporter. Core code emits events and returns
 * values; how they look (human, JSON, CI annotations) is decided by report/, which implements
 * this contract. It lives in app/ (with every result type) so the contract imports no use-case
 * and no implementation: a leaf, cycle-free.
 */
export interface Reporter {
  /** Chatter for humans; always stderr, never part of a JSON document. */
  info(message: string): void;
  warn(message: string): void;
  /** Problems found in the user's files (stderr; JSON documents include them separately). */
  diagnostics(list: readonly Diagnostic[], root: string): void;
  /** Shown with --verbose only. */
  debug(message: string): void;
  progress(update: ProgressUpdate): void;
  /** A plan shown for review before a question (stderr, so stdout keeps only the result). */
  preview(result: PlanResult): void;
  /** The command's outcome: human text on stdout, or the one JSON document. */
  result(result: CommandResult): void;
  error(error: unknown): void;
  /** One `sync --watch` event: human lines, or one JSON object a line (NDJSON) with --json. */
  watch(event: WatchEvent): void;
  /** One `emulator` event: human lines on stderr, and one JSON object a line with --json. */
  emulator(event: EmulatorEvent): void;
  /** Values (the API key) that must never be printed; replaced by `***`. */
  addSecret(value: string): void;
}
