import type { JsonValue } from '../errors.js';
import {
  ApiBadResponseError,
  ApiError,
  ApiForbiddenError,
  ApiNotFoundError,
  ApiRateLimitedError,
  ApiServerError,
  ApiUnauthorizedError,
  ApiValidationError,
  API_ERROR_CODES,
} from './errors.js';
import { redactJson, type Redact } from './redact.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What every error about one request may say: never the host, a header or the key. */
export interface RequestContext {
  method: HttpMethod;
  /** Path and query below the origin, e.g. `/v1/flows/abc`. */
  path: string;
  /** Name of the env var that holds the key, for hints only. */
  apiKeyEnv: string | undefined;
  redact: Redact;
}

export function requestMeta(ctx: RequestContext, extra: Record<string, JsonValue | undefined> = {}): Record<string, JsonValue> {
  const meta: Record<string, JsonValue> = { method: ctx.method, path: ctx.redact(ctx.path) };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) meta[key] = value;
  return meta;
}

/** The final error for a non-2xx answer (retries, if any, are already spent). */
export function toStatusError(status: number, body: unknown, ctx: RequestContext, attempts = 1): ApiError {
  const server = readServerError(body, ctx.redact);
  const where = `${ctx.method} ${ctx.redact(ctx.path)}`;
  const because = server.message === undefined ? '' : `: ${server.message}`;
  const after = attempts > 1 ? ` after ${attempts} attempts` : '';
  const options = {
    status,
    meta: requestMeta(ctx, { status, serverCode: server.code, details: server.details, attempts: attempts > 1 ? attempts : undefined }),
  };
  const keyIn = ctx.apiKeyEnv === undefined ? 'the API key' : `the key in ${ctx.apiKeyEnv}`;
  switch (true) {
    case status === 401:
      return new ApiUnauthorizedError(`Runtype API rejected the API key (401 on ${where})${because}`, {
        ...options,
        hint: `Check ${keyIn}: it may be missing, mistyped, revoked, or for another environment.`,
      });
    case status === 403:
      return new ApiForbiddenError(`The API key is not allowed to do this (403 on ${where})${because}`, {
        ...options,
        hint: `Check that ${keyIn} belongs to the right account and has the FLOWS:READ and FLOWS:WRITE scopes (or FLOWS:*).`,
      });
    case status === 404:
      return new ApiNotFoundError(`Not found: ${where} (404)${because}`, options);
    case status === 400 || status === 409 || status === 422:
      return new ApiValidationError(`Runtype API refused ${where} (${status})${because}`, options);
    case status === 429:
      return new ApiRateLimitedError(`Rate limited by the Runtype API (429 on ${where})${after}${because}`, {
        ...options,
        hint: 'Wait a little and run again, or lower `concurrency`.',
      });
    case status >= 500:
      return new ApiServerError(`Runtype API server error (${status} on ${where})${after}${because}`, {
        ...options,
        hint: 'The server failed; nothing is wrong with your flows. Try again later.',
      });
    case status >= 400:
      return new ApiError(API_ERROR_CODES.clientError, `Runtype API answered ${status} to ${where}${because}`, options);
    default:
      // 1xx/3xx: redirects are not followed on purpose (the key must not follow them elsewhere).
      return new ApiBadResponseError(`Unexpected HTTP ${status} from ${where}`, {
        ...options,
        hint: status >= 300 && status < 400 ? 'Redirects are not followed: point the API URL at its final https:// location.' : undefined,
      });
  }
}

/**
 * The error body is not documented; accept the shapes seen around the API:
 * `{ error: "msg", code?, details? }`, `{ error: { code, message, details? } }`,
 * `{ message }`, or plain text (a proxy's error page).
 */
export function readServerError(body: unknown, redact: Redact): { message?: string; code?: string; details?: JsonValue } {
  if (typeof body === 'string') return { message: textSnippet(body, redact) };
  if (typeof body !== 'object' || body === null) return {};
  const record = body as Record<string, unknown>;
  const nested = typeof record.error === 'object' && record.error !== null ? (record.error as Record<string, unknown>) : undefined;
  const message = firstString(record.error, nested?.message, record.message);
  const code = firstString(record.code, nested?.code);
  const details = redactJson(record.details ?? nested?.details ?? record.errors, redact);
  return {
    message: message === undefined ? undefined : clip(redact(message)),
    code: code === undefined ? undefined : redact(code),
    details: details ?? undefined,
  };
}

// --- internal ---

function firstString(...values: unknown[]): string | undefined {
  return values.find((value): value is string => typeof value === 'string' && value.trim() !== '');
}

function textSnippet(text: string, redact: Redact): string | undefined {
  const trimmed = text.trim();
  // An HTML error page says nothing useful in a terminal.
  if (trimmed === '' || trimmed.startsWith('<')) return undefined;
  return clip(redact(trimmed));
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 300 ? `${oneLine.slice(0, 297)}...` : oneLine;
}
