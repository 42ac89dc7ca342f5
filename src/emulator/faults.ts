/**
 * Fault injection. One decision per authenticated request, made before routing (and before
 * the body is read), from a seeded PRNG: the same seed and the same request sequence replay
 * identically. A single uniform draw is split into bands, so the rates are exact fractions of
 * all decided requests and must sum to at most 1:
 *   [0, reset) reset | rateLimit | error (first half 500, second half 503) | commitThenDrop | none
 * commit-then-drop only bites on writes (POST/PUT/DELETE) that succeed; on other requests its
 * band is a normal answer. Random latency takes a second draw, only when configured.
 * `methods` / `pathPrefixes` narrow every fault (latency included) to matching requests; the
 * others are answered normally WITHOUT a draw, so the faulted requests replay identically
 * whatever healthy traffic (listings, say) runs between them.
 */
import { DEFAULT_RETRY_AFTER_SECONDS } from './assumptions.js';
import { mulberry32 } from './prng.js';
import type { Random } from './prng.js';

export interface FaultOptions {
  /** Fixed delay before answering, in ms. */
  latencyMs?: number;
  /** Extra uniformly random delay in [min, max] ms. */
  randomLatencyMs?: { min: number; max: number } | null;
  /** Fraction of requests answered 500 or 503 (chosen at random), nothing applied. */
  errorRate?: number;
  /** Fraction of requests answered 429 with `Retry-After`, nothing applied. */
  rateLimitRate?: number;
  /** `Retry-After` value in whole seconds (0 allowed for fast tests). Default 1. */
  retryAfterSeconds?: number;
  /** Fraction of requests whose socket is destroyed without an answer, nothing applied. */
  resetRate?: number;
  /** Fraction of writes that are applied, then the socket is destroyed before the answer. */
  commitThenDropRate?: number;
  /** PRNG seed; setting it (again) restarts the sequence. Default 1. */
  seed?: number;
  /**
   * Only requests with one of these methods (any case, e.g. `['POST']`) are faulted. Default null:
   * all.
   */
  methods?: readonly string[] | null;
  /**
   * Only requests whose path (`/v1/...`, no query) starts with one of these are faulted. Default
   * null: all.
   */
  pathPrefixes?: readonly string[] | null;
}

export type FaultConfig = Required<FaultOptions>;
export type FaultKind = 'reset' | 'rate-limit' | 'error-500' | 'error-503' | 'commit-then-drop';

export interface FaultDecision {
  delayMs: number;
  fault: FaultKind | null;
}

const NONE: FaultDecision = { delayMs: 0, fault: null };
const DEFAULTS: FaultConfig = {
  latencyMs: 0,
  randomLatencyMs: null,
  errorRate: 0,
  rateLimitRate: 0,
  retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS,
  resetRate: 0,
  commitThenDropRate: 0,
  seed: 1,
  methods: null,
  pathPrefixes: null,
};

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(`emulator faults: ${message}`);
}

function isRate(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 1;
}

function isScope(value: unknown, ok: (item: string) => boolean): boolean {
  return (
    value === null ||
    (Array.isArray(value) &&
      value.length > 0 &&
      value.every((item) => typeof item === 'string' && ok(item)))
  );
}

export function validateFaults(c: FaultConfig): void {
  for (const key of ['errorRate', 'rateLimitRate', 'resetRate', 'commitThenDropRate'] as const) {
    check(isRate(c[key]), `${key} must be a number between 0 and 1, got ${c[key]}`);
  }
  const sum = c.errorRate + c.rateLimitRate + c.resetRate + c.commitThenDropRate;
  check(sum <= 1 + 1e-9, `the fault rates sum to ${sum}, more than 1`);
  check(Number.isFinite(c.latencyMs) && c.latencyMs >= 0, 'latencyMs must be a number >= 0');
  const r = c.randomLatencyMs;
  check(
    r === null ||
      (Number.isFinite(r.min) && r.min >= 0 && Number.isFinite(r.max) && r.max >= r.min),
    'randomLatencyMs must be { min, max } with 0 <= min <= max',
  );
  check(
    Number.isInteger(c.retryAfterSeconds) && c.retryAfterSeconds >= 0,
    'retryAfterSeconds must be an integer >= 0',
  );
  check(Number.isInteger(c.seed), 'seed must be an integer');
  // An empty list would silently fault nothing; null is the way to say "all".
  check(
    isScope(c.methods, (m) => /^[a-z]+$/i.test(m)),
    'methods must be null or a non-empty list of HTTP methods',
  );
  check(
    isScope(c.pathPrefixes, (p) => p.startsWith('/')),
    'pathPrefixes must be null or a non-empty list of paths starting with /',
  );
}

export class FaultInjector {
  private current: FaultConfig = { ...DEFAULTS };
  private random: Random = mulberry32(DEFAULTS.seed);
  private active = false;

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  get config(): FaultConfig {
    return { ...this.current };
  }

  /** Merges `options` into the current configuration (validated first; throws RangeError). */
  set(options: FaultOptions): void {
    const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    const next: FaultConfig = { ...this.current, ...defined };
    validateFaults(next);
    this.current = {
      ...next,
      methods: next.methods?.map((m) => m.toUpperCase()) ?? null,
      pathPrefixes: next.pathPrefixes?.slice() ?? null,
    };
    if (options.seed !== undefined) this.random = mulberry32(next.seed);
    this.active =
      next.latencyMs > 0 ||
      next.randomLatencyMs !== null ||
      next.errorRate > 0 ||
      next.rateLimitRate > 0 ||
      next.resetRate > 0 ||
      next.commitThenDropRate > 0;
  }

  /** Back to no faults, keeping the seed but restarting its sequence. */
  clear(): void {
    this.current = { ...DEFAULTS, seed: this.current.seed };
    this.random = mulberry32(this.current.seed);
    this.active = false;
  }

  /** The faults for one request (`path` without the query string). */
  decide(method: string, path: string): FaultDecision {
    if (!this.active) return NONE;
    const c = this.current;
    if (c.methods !== null && !c.methods.includes(method.toUpperCase())) return NONE;
    if (c.pathPrefixes !== null && !c.pathPrefixes.some((prefix) => path.startsWith(prefix)))
      return NONE;
    let delayMs = c.latencyMs;
    if (c.randomLatencyMs !== null)
      delayMs +=
        c.randomLatencyMs.min + this.random() * (c.randomLatencyMs.max - c.randomLatencyMs.min);
    const u = this.random();
    let edge = c.resetRate;
    if (u < edge) return { delayMs, fault: 'reset' };
    if (u < (edge += c.rateLimitRate)) return { delayMs, fault: 'rate-limit' };
    if (u < edge + c.errorRate)
      return { delayMs, fault: u < edge + c.errorRate / 2 ? 'error-500' : 'error-503' };
    edge += c.errorRate;
    if (u < edge + c.commitThenDropRate) return { delayMs, fault: 'commit-then-drop' };
    return { delayMs, fault: null };
  }
}
