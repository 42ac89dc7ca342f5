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

/**
 * Keeps at least the last `limit` entries (it trims in batches, so up to 25% more are held;
 * trimming one at a time would cost O(limit) per request), and, when bodies are kept, at most
 * about `maxBodyBytes` of them, so a long run of large writes cannot grow it without bound.
 */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private readonly opts: RequestLogOptions;
  private readonly slack: number;
  private bodyBytes = 0;
  private readonly sizes = new WeakMap<RequestLogEntry, number>();
  /** Entries already trimmed away: a body that arrives for one later must not count. */
  private readonly dropped = new WeakSet<RequestLogEntry>();

  constructor(options: RequestLogOptions) {
    this.opts = { ...options, limit: Math.max(0, Math.floor(options.limit)) };
    this.slack = Math.max(1, Math.floor(this.opts.limit / 4));
  }

  push(entry: RequestLogEntry): void {
    if (this.opts.limit === 0) return;
    this.entries.push(entry);
    if (this.entries.length > this.opts.limit + this.slack) this.trim();
  }

  /** Records the parsed body of a logged entry (`bytes`: its JSON text length), if bodies are kept. */
  attachBody(entry: RequestLogEntry, body: unknown, bytes: number): void {
    if (this.opts.limit === 0 || !this.opts.bodies || bytes > this.opts.maxBodyBytes || this.dropped.has(entry)) return;
    entry.body = body;
    this.sizes.set(entry, bytes);
    this.bodyBytes += bytes;
    if (this.bodyBytes > this.opts.maxBodyBytes) this.trim();
  }

  /** A copy, oldest first. */
  snapshot(): RequestLogEntry[] {
    return this.entries.slice();
  }

  clear(): void {
    for (const entry of this.entries) this.dropped.add(entry);
    this.entries = [];
    this.bodyBytes = 0;
  }

  // --- internal ---

  /** Drops the oldest entries down to `limit`, and bodies down to 3/4 of their budget. */
  private trim(): void {
    let cut = Math.max(0, this.entries.length - this.opts.limit);
    let bytes = this.bodyBytes;
    for (let i = 0; i < cut; i++) bytes -= this.sizes.get(this.entries[i]!) ?? 0;
    const budget = (this.opts.maxBodyBytes * 3) / 4;
    while (bytes > budget && cut < this.entries.length) bytes -= this.sizes.get(this.entries[cut++]!) ?? 0;
    for (let i = 0; i < cut; i++) this.dropped.add(this.entries[i]!);
    this.entries = this.entries.slice(cut);
    this.bodyBytes = bytes;
  }
}
