import type { Dispatcher } from 'undici';
import { RuntypeError } from '../errors.js';
import type { ProxyOptions } from './proxy.js';
import type { RetryPolicy } from './retry-policy.js';

export interface RetryOptions {
  /** Extra attempts after the first. Default 4. */
  retries?: number;
  /** Back-off base. Default 200 ms. */
  minDelayMs?: number;
  /** Back-off ceiling. Default 10 s. */
  maxDelayMs?: number;
  /**
   * A Retry-After longer than this fails with API_RATE_LIMITED (saying when to retry) instead of
   * waiting. Default 30 s.
   */
  maxRetryAfterMs?: number;
  /** Jitter source in [0, 1); injectable so tests are deterministic. Default Math.random. */
  random?: () => number;
}

export interface RetryInfo {
  method: string;
  /** Path below the origin, e.g. `/v1/flows/abc` (never the host or the key). */
  path: string;
  /** The attempt about to be made (2 = first retry). */
  attempt: number;
  delayMs: number;
  /** `HTTP 503`, `ECONNRESET`, ... */
  reason: string;
}

export interface ApiClientOptions {
  /** `https://api.runtype.com`, with or without `/v1`. */
  baseUrl: string;
  apiKey: string;
  /**
   * Name of the env var holding the key, used only in hints ("check the key in RUNTYPE_API_KEY").
   */
  apiKeyEnv?: string;
  /**
   * The environment the client serves, used only in hints (which environment's key was refused).
   */
  environment?: string;
  /** e.g. `runtype-flows/0.1.0 node/20.20.2`. */
  userAgent: string;
  /** Max requests in flight. Default 8. */
  concurrency?: number;
  /**
   * Deadline of one attempt, connect, headers and body together (retries get their own). Default 30
   * s.
   */
  timeoutMs?: number;
  retry?: RetryOptions;
  /** Values of HTTPS_PROXY / HTTP_PROXY / NO_PROXY, passed in by cli/. */
  proxy?: ProxyOptions;
  /** Replaces the built-in pool (tests: MockAgent). Not closed by `close()`. */
  dispatcher?: Dispatcher;
  /** Cancels queued requests, back-off sleeps and requests on the wire. */
  signal?: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
}

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 30_000;

export function resolveRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  return {
    retries: nonNegativeInt(options.retries, 4, 'retry.retries'),
    minDelayMs: nonNegativeInt(options.minDelayMs, 200, 'retry.minDelayMs'),
    maxDelayMs: nonNegativeInt(options.maxDelayMs, 10_000, 'retry.maxDelayMs'),
    maxRetryAfterMs: nonNegativeInt(
      options.maxRetryAfterMs,
      DEFAULT_MAX_RETRY_AFTER_MS,
      'retry.maxRetryAfterMs',
    ),
    random: options.random ?? Math.random,
  };
}

export function positiveInt(value: number | undefined, fallback: number, name: string): number {
  const resolved = value ?? fallback;
  if (!Number.isInteger(resolved) || resolved < 1)
    throw new RangeError(`${name} must be a positive integer (got ${resolved})`);
  return resolved;
}

/**
 * Keys pasted from a file or `$(cat key)` often carry a trailing newline;
 * trim it rather than fail with a baffling 401. Anything else that cannot go
 * in a header is refused (without echoing the key).
 */
export function normalizeApiKey(raw: string, apiKeyEnv: string | undefined): string {
  const key = raw.trim();
  if (/[\u0000-\u001f\u007f\s]/.test(key)) {
    throw new RuntypeError('API_KEY_INVALID', 'The API key contains spaces or control characters', {
      hint:
        `Check ${apiKeyEnv === undefined ? 'the API key' : `the value of ${apiKeyEnv}`}: it ` +
        `should be a single token such as rt_live_….`,
    });
  }
  return key;
}

// --- internal ---

function nonNegativeInt(value: number | undefined, fallback: number, name: string): number {
  const resolved = value ?? fallback;
  if (!Number.isInteger(resolved) || resolved < 0)
    throw new RangeError(`${name} must be a non-negative integer (got ${resolved})`);
  return resolved;
}
