import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import type { BaseUrl } from './base-url.js';
import {
  abortedError,
  ambiguousNetworkError,
  ambiguousStatusError,
  badResponseError,
  networkError,
  retryAfterTooLongError,
} from './failure-errors.js';
import type { RetryInfo } from './options.js';
import type { Redact } from './redact.js';
import {
  backoffDelay,
  classifyNetworkError,
  parseRetryAfter,
  RETRYABLE_STATUSES,
  type RetryPolicy,
} from './retry-policy.js';
import { fullPath, headersFor, parseJson, parseLenient } from './request-parts.js';
import type { Semaphore } from './semaphore.js';
import { toStatusError, type HttpMethod, type RequestContext } from './status-errors.js';

export interface ApiRequest {
  method: HttpMethod;
  /** Below the version prefix, e.g. `/flows/abc`. */
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /**
   * A POST that writes nothing (the public validator): retried like a read, and a failure is
   * never "in doubt". Other methods are idempotent already.
   */
  idempotent?: boolean;
}

export interface ApiResponse {
  status: number;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
  ctx: RequestContext;
}

export interface ApiStats {
  requests: number;
  retries: number;
  inFlightMax: number;
}

export interface TransportOptions {
  baseUrl: BaseUrl;
  apiKey: string;
  apiKeyEnv: string | undefined;
  environment: string | undefined;
  userAgent: string;
  timeoutMs: number;
  policy: RetryPolicy;
  semaphore: Semaphore;
  dispatcher: Dispatcher;
  redact: Redact;
  signal: AbortSignal | undefined;
  onRetry: ((info: RetryInfo) => void) | undefined;
}

interface ExchangeState {
  /** The request reached the semaphore and was handed to the socket (a POST may have landed). */
  onWire: boolean;
  /** The overall deadline of the attempt in progress. */
  deadline?: AbortSignal;
}

/** The overall deadline passed: the request may have been sent (a POST is then in doubt). */
const BACKSTOP_MS = 1000;

const DEADLINE_FAILURE = {
  code: 'REQUEST_DEADLINE',
  sent: true,
  transient: true,
  timeout: true,
} as const;

export interface Transport {
  send(request: ApiRequest): Promise<ApiResponse>;
  stats(): ApiStats;
}

/**
 * One logical request = up to 1 + retries HTTP exchanges. GET/PUT/DELETE are
 * idempotent and retried on 429/502/503/504 and lost connections. A POST is
 * retried only when the server certainly did not process it (429, or no
 * connection was ever made); any other failure is reported as ambiguous.
 */
export function createTransport(options: TransportOptions): Transport {
  const { baseUrl, policy, signal, redact } = options;
  const counters = { requests: 0, retries: 0 };

  async function exchange(ctx: RequestContext, payload: string | undefined, state: ExchangeState) {
    return options.semaphore.run(async () => {
      state.onWire = true;
      counters.requests += 1;
      // One deadline for headers and body together: per-chunk timeouts alone let a body that
      // trickles a byte every few seconds hold the run forever.
      const deadline = AbortSignal.timeout(options.timeoutMs);
      state.deadline = deadline;
      const response = await options.dispatcher.request({
        origin: baseUrl.origin,
        path: ctx.path,
        method: ctx.method,
        headers: headersFor(options.apiKey, options.userAgent, payload !== undefined),
        body: payload,
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
        // The deadline is the bound; undici's own timers only back it up.
        headersTimeout: options.timeoutMs + BACKSTOP_MS,
        bodyTimeout: options.timeoutMs + BACKSTOP_MS,
      });
      const text = await response.body.text();
      return { status: response.statusCode, retryAfter: response.headers['retry-after'], text };
    }, signal);
  }

  async function pause(
    ctx: RequestContext,
    nextAttempt: number,
    delayMs: number,
    reason: string,
  ): Promise<void> {
    counters.retries += 1;
    try {
      options.onRetry?.({
        method: ctx.method,
        path: redact(ctx.path),
        attempt: nextAttempt,
        delayMs,
        reason,
      });
    } catch {
      // A progress callback must not change the outcome of a request.
    }
    await sleep(delayMs, undefined, { signal }).catch(() => {
      throw abortedError(ctx, false);
    });
  }

  async function send(request: ApiRequest): Promise<ApiResponse> {
    const path = fullPath(baseUrl.pathPrefix, request.path, request.query);
    const ctx: RequestContext = {
      method: request.method,
      path,
      apiKeyEnv: options.apiKeyEnv,
      environment: options.environment,
      redact,
    };
    const idempotent = request.idempotent === true || request.method !== 'POST';
    const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
    for (let attempt = 1; ; attempt += 1) {
      if (signal?.aborted) throw abortedError(ctx, false);
      const state: ExchangeState = { onWire: false };
      let raw: Awaited<ReturnType<typeof exchange>>;
      try {
        raw = await exchange(ctx, payload, state);
      } catch (error) {
        if (signal?.aborted) throw abortedError(ctx, state.onWire);
        const failure =
          state.deadline?.aborted === true ? DEADLINE_FAILURE : classifyNetworkError(error);
        if (failure.sent && !idempotent) throw ambiguousNetworkError(ctx, failure, error);
        if (!failure.transient || attempt > policy.retries)
          throw networkError(ctx, failure, error, options.timeoutMs, attempt);
        await pause(ctx, attempt + 1, backoffDelay(attempt - 1, policy), failure.code);
        continue;
      }
      const { status } = raw;
      if (status >= 200 && status < 300) {
        const body = parseJson(raw.text);
        if (!body.ok) throw badResponseError(ctx, status, 'the body is not JSON');
        return { status, body: body.value, ctx };
      }
      // An earlier attempt may have deleted it before its answer was lost.
      if (status === 404 && request.method === 'DELETE' && attempt > 1)
        return { status, body: undefined, ctx };
      const body = parseLenient(raw.text);
      if (status >= 500 && !idempotent) throw ambiguousStatusError(ctx, status, body);
      if (!RETRYABLE_STATUSES.has(status) || attempt > policy.retries)
        throw toStatusError(status, body, ctx, attempt);
      const retryAfter = parseRetryAfter(raw.retryAfter, Date.now());
      if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) {
        throw status === 429
          ? retryAfterTooLongError(ctx, status, retryAfter, policy.maxRetryAfterMs)
          : toStatusError(status, body, ctx, attempt);
      }
      await pause(
        ctx,
        attempt + 1,
        retryAfter ?? backoffDelay(attempt - 1, policy),
        `HTTP ${status}`,
      );
    }
  }

  return {
    send,
    stats: () => ({ ...counters, inFlightMax: options.semaphore.maxActive }),
  };
}
