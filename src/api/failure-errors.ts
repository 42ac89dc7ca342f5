import {
  ApiAbortedError,
  ApiAmbiguousWriteError,
  ApiBadResponseError,
  ApiNetworkError,
  ApiRateLimitedError,
  type ApiError,
} from './errors.js';
import type { NetworkFailure } from './retry-policy.js';
import {
  describeServerError,
  readServerError,
  requestMeta,
  type RequestContext,
} from './status-errors.js';

/**
 * Errors for outcomes that are not a plain status code: lost connections,
 * timeouts, aborts, unreadable bodies, writes left in doubt. Causes are
 * rebuilt from name/code/redacted message so nothing of the request (headers,
 * key) can ride along in the `cause` chain.
 */
const RECONCILE_HINT =
  'Do not retry it blindly: the next sync looks the flow up by name and adopts it if it was ' +
  'created.';

export function networkError(
  ctx: RequestContext,
  failure: NetworkFailure,
  error: unknown,
  timeoutMs: number,
  attempts: number,
): ApiError {
  const where = `${ctx.method} ${ctx.redact(ctx.path)}`;
  const after = attempts > 1 ? ` after ${attempts} attempts` : '';
  const message = failure.timeout
    ? `Runtype API did not answer within ${timeoutMs} ms, headers and body (${where})${after}`
    : `Could not reach the Runtype API (${failure.code} on ${where})${after}`;
  return new ApiNetworkError(message, {
    hint: 'Check the network, the API URL and any proxy settings (HTTPS_PROXY, NO_PROXY).',
    meta: requestMeta(ctx, {
      networkCode: failure.code,
      attempts: attempts > 1 ? attempts : undefined,
    }),
    cause: safeCause(error, ctx),
  });
}

/** A POST whose fate is unknown because the connection broke after it was sent. */
export function ambiguousNetworkError(
  ctx: RequestContext,
  failure: NetworkFailure,
  error: unknown,
): ApiError {
  const what = failure.timeout
    ? 'the server did not answer in time'
    : `the connection failed after it was sent (${failure.code})`;
  return new ApiAmbiguousWriteError(
    `${ctx.method} ${ctx.redact(ctx.path)} may or may not have been applied: ${what}`,
    {
      hint: RECONCILE_HINT,
      meta: requestMeta(ctx, { networkCode: failure.code }),
      cause: safeCause(error, ctx),
    },
  );
}

/** A POST answered with a 5xx: the server may have stored it before failing. */
export function ambiguousStatusError(ctx: RequestContext, status: number, body: unknown): ApiError {
  const server = readServerError(body, ctx.redact);
  const because = describeServerError(server);
  return new ApiAmbiguousWriteError(
    `${ctx.method} ${ctx.redact(ctx.path)} may or may not have been applied: the server ` +
      `answered ${status}${because}`,
    { status, hint: RECONCILE_HINT, meta: requestMeta(ctx, { status, serverCode: server.code }) },
  );
}

export function abortedError(ctx: RequestContext, onWire: boolean): ApiError {
  // Only a POST on the wire is in doubt; an aborted PUT/DELETE is simply re-run next time.
  const ambiguous = onWire && ctx.method === 'POST';
  return new ApiAbortedError(`${ctx.method} ${ctx.redact(ctx.path)} was cancelled`, {
    ambiguous,
    hint: ambiguous ? RECONCILE_HINT : undefined,
    meta: requestMeta(ctx),
  });
}

export function retryAfterTooLongError(
  ctx: RequestContext,
  status: number,
  retryAfterMs: number,
  maxMs: number,
): ApiError {
  const wait = Math.ceil(retryAfterMs / 1000);
  const at = new Date(Date.now() + retryAfterMs).toISOString().slice(11, 19);
  return new ApiRateLimitedError(
    `Rate limited by the Runtype API (${status} on ${ctx.method} ${ctx.redact(ctx.path)}): it ` +
      `asks to wait ${wait} s, ` +
      `longer than the ${Math.round(maxMs / 1000)} s this tool waits`,
    {
      status,
      hint:
        `Run again after ${at} UTC (in ${wait} s), or raise maxRetryAfterMs in ` +
        `runtype.config.ts.`,
      meta: requestMeta(ctx, { status, retryAfterMs }),
    },
  );
}

/** A 2xx we cannot read. For a POST the write landed but its id is unknown: reconcile. */
export function badResponseError(ctx: RequestContext, status: number, problem: string): ApiError {
  const ambiguous = ctx.method === 'POST';
  return new ApiBadResponseError(
    `Unexpected response to ${ctx.method} ${ctx.redact(ctx.path)} (${status}): ` +
      `${ctx.redact(problem)}`,
    {
      status,
      ambiguous,
      hint: ambiguous
        ? RECONCILE_HINT
        : 'The API may have changed; check for a newer runtype-flows.',
      meta: requestMeta(ctx, { status }),
    },
  );
}

// --- internal ---

function safeCause(error: unknown, ctx: RequestContext): Error {
  const source = error instanceof Error ? error : undefined;
  const cause = new Error(ctx.redact(source?.message ?? String(error)));
  cause.name = source?.name ?? 'Error';
  const code = (source as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') Object.assign(cause, { code });
  return cause;
}
