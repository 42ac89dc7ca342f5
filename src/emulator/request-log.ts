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
  /**
   * Whether it carried the emulator's key (an open route, such as public validation, needs none).
   */
  authenticated?: boolean;
  /** Parsed JSON body, for routes that read one; only kept with `logBodies: true`. */
  body?: unknown;
  /** Arrival time (ms since epoch, from the emulator's clock). */
  at: number;
}

export interface RequestLogOptions {
  /** Keep at least this many recent entries; 0 turns the log off. */
  limit: number;
  /** Keep parsed request bodies (off by default: only tests that inspect bodies want them). */
  bodies: boolean;
  /** Bodies held at once are capped near this many bytes (of JSON text); older entries go first. */
  maxBodyBytes: number;
}

/** A request's parsed JSON body and the length of its text (what the body budget counts). */
export interface LoggedBody {
  value: unknown;
  bytes: number;
}

/**
 * Keeps at least the last `limit` entries (it trims in batches, so up to 25% more are held;
 * trimming one at a time would cost O(limit) per request), and, when bodies are kept, at most
 * about `maxBodyBytes` of them, so a long run of large writes cannot grow it without bound.
 * An entry is pushed once its request is handled, body and all, so a body never arrives for
 * an entry already trimmed or cleared.
 */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  /** The body bytes each entry holds, index for index with `entries`. */
  private sizes: number[] = [];
  private readonly opts: RequestLogOptions;
  private readonly slack: number;
  private bodyBytes = 0;

  constructor(options: RequestLogOptions) {
    this.opts = { ...options, limit: Math.max(0, Math.floor(options.limit)) };
    this.slack = Math.max(1, Math.floor(this.opts.limit / 4));
  }

  /** Logs a handled request, with its body if bodies are kept and it fits the budget alone. */
  push(entry: RequestLogEntry, body?: LoggedBody): void {
    if (this.opts.limit === 0) return;
    const kept = body !== undefined && this.opts.bodies && body.bytes <= this.opts.maxBodyBytes;
    if (kept) entry.body = body.value;
    this.entries.push(entry);
    this.sizes.push(kept ? body.bytes : 0);
    this.bodyBytes += kept ? body.bytes : 0;
    if (
      this.entries.length > this.opts.limit + this.slack ||
      this.bodyBytes > this.opts.maxBodyBytes
    )
      this.trim();
  }

  /** A copy, oldest first. */
  snapshot(): RequestLogEntry[] {
    return this.entries.slice();
  }

  clear(): void {
    this.entries = [];
    this.sizes = [];
    this.bodyBytes = 0;
  }

  // --- internal ---

  /** Drops the oldest entries down to `limit`, and bodies down to 3/4 of their budget. */
  private trim(): void {
    let cut = Math.max(0, this.entries.length - this.opts.limit);
    let bytes = this.bodyBytes;
    for (let i = 0; i < cut; i++) bytes -= this.sizes[i]!;
    const budget = (this.opts.maxBodyBytes * 3) / 4;
    while (bytes > budget && cut < this.entries.length) bytes -= this.sizes[cut++]!;
    this.entries = this.entries.slice(cut);
    this.sizes = this.sizes.slice(cut);
    this.bodyBytes = bytes;
  }
}
