/**
 * When to try again, and how long to wait. Pure: the clock and the jitter
 * source come in as arguments so the rules can be tested as a table.
 */
export interface RetryPolicy {
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this fails fast instead of sleeping. */
  maxRetryAfterMs: number;
  random: () => number;
}

/**
 * Statuses retried for an idempotent request. 500 is included: repeating a
 * GET, PUT or DELETE is harmless, and a transient 500 must not fail a deploy
 * of thousands of flows; a persistent one still fails after the retries.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** Exponential back-off with full jitter: uniform in [0, min(max, min * 2^attempt)]. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** attempt);
  const r = Math.min(Math.max(policy.random(), 0), 1);
  return Math.round(r * ceiling);
}

/** `Retry-After` as delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(
  header: string | string[] | undefined,
  nowMs: number,
): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * What a failed connection tells us. `sent: false` means the request never
 * left this machine, so even a POST can be retried safely.
 */
export interface NetworkFailure {
  code: string;
  sent: boolean;
  transient: boolean;
  timeout: boolean;
}

export function classifyNetworkError(error: unknown): NetworkFailure {
  const code = errorCode(error);
  if (NOT_SENT.has(code))
    return {
      code,
      sent: false,
      transient: !PERMANENT.has(code),
      timeout: code === 'UND_ERR_CONNECT_TIMEOUT',
    };
  const timeout = TIMEOUTS.has(code);
  return { code, sent: true, transient: true, timeout };
}

// --- internal ---

/** The connection was never established: nothing reached the server. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_INVALID_ARG',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);
/** Not-sent failures that a retry will not fix. */
const PERMANENT = new Set([
  'ENOTFOUND',
  'UND_ERR_INVALID_ARG',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);
const TIMEOUTS = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

function errorCode(error: unknown): string {
  // undici wraps socket errors, and Node reports a failed happy-eyeballs dial as an
  // AggregateError: look through `cause` and `errors` for the errno that matters.
  const codes = collectCodes(error, 0);
  return codes.find((code) => NOT_SENT.has(code) || TIMEOUTS.has(code)) ?? codes[0] ?? 'UNKNOWN';
}

function collectCodes(error: unknown, depth: number): string[] {
  if (typeof error !== 'object' || error === null || depth > 4) return [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof code === 'string' ? [code] : [];
  const nested = Array.isArray(errors)
    ? errors.flatMap((item) => collectCodes(item, depth + 1))
    : [];
  return [...own, ...collectCodes(cause, depth + 1), ...nested];
}
