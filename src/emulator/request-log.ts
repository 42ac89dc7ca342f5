/** The bounded request log tests read (`emu.requests`). */
import type { FaultKind } from './faults.js';

export interface RequestLogEntry {
  method: string;
  /** Path without the query string, e.g. `/v1/flows`. */
  path: string;
  /** Raw query string without `?`, when there was one. */
  query?: string;
  /** HTTP status sent; 0 when no response was sent (reset, commit-then-drop). */
  status: number;
  /** The injected fault, when one was applied to this request. */
  fault?: FaultKind;
  /** Parsed JSON body, for routes that read one. */
  body?: unknown;
  /** Arrival time (ms since epoch, from the emulator's clock). */
  at: number;
}

/**
 * Keeps at least the last `limit` entries (it trims in batches, so up to 25% more are held;
 * trimming one at a time would cost O(limit) per request).
 */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private readonly limit: number;
  private readonly slack: number;

  constructor(limit: number) {
    this.limit = Math.max(0, Math.floor(limit));
    this.slack = Math.max(1, Math.floor(this.limit / 4));
  }

  push(entry: RequestLogEntry): void {
    if (this.limit === 0) return;
    this.entries.push(entry);
    if (this.entries.length > this.limit + this.slack) this.entries = this.entries.slice(-this.limit);
  }

  /** A copy, oldest first. */
  snapshot(): RequestLogEntry[] {
    return this.entries.slice();
  }

  clear(): void {
    this.entries = [];
  }
}
