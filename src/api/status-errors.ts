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
  type ApiErrorDetail,
} from './errors.js';
import type { Redact } from './redact.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What every error about one request may say: never the host, a header or the key. */
export interface RequestContext {
  method: HttpMethod;
  /** Path and query below the origin, e.g. `/v1/flows/abc`. */
  path: string;
  /** Name of the env var that holds the key, for hints only. */
  apiKeyEnv: string | undefined;
  /** The environment served, for hints only. */
  environment?: string | undefined;
  redact: Redact;
}

export function requestMeta(
  ctx: RequestContext,
  extra: Record<string, JsonValue | undefined> = {},
): Record<string, JsonValue> {
  const meta: Record<string, JsonValue> = { method: ctx.method, path: ctx.redact(ctx.path) };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) meta[key] = value;
  return meta;
}

/** The final error for a non-2xx answer (retries, if any, are already spent). */
export function toStatusError(
  status: number,
  body: unknown,
  ctx: RequestContext,
  attempts = 1,
): ApiError {
  const server = readServerError(body, ctx.redact);
  const where = `${ctx.method} ${ctx.redact(ctx.path)}`;
  const because = describeServerError(server);
  const after = attempts > 1 ? ` after ${attempts} attempts` : '';
  const details = server.details;
  const extra = {
    status,
    serverCode: server.code,
    details: detailsJson(details),
    attempts: attempts > 1 ? attempts : undefined,
  };
  const options = { status, details, meta: requestMeta(ctx, extra) };
  const forEnvironment = ctx.environment === undefined ? '' : ` (environment "${ctx.environment}")`;
  const key = ctx.apiKeyEnv === undefined ? 'the API key' : `the key in ${ctx.apiKeyEnv}`;
  const keyIn = `${key}${forEnvironment}`;
  switch (true) {
    case status === 401:
      return new ApiUnauthorizedError(
        `Runtype API rejected the API key (401 on ${where})${because}`,
        {
          ...options,
          hint: `Check ${keyIn}: it may be missing, mistyped, revoked, or for another environment.`,
        },
      );
    case status === 403:
      return new ApiForbiddenError(
        `The API key is not allowed to do this (403 on ${where})${because}`,
        {
          ...options,
          hint:
            `Check that ${keyIn} belongs to the right account and has the FLOWS:READ and ` +
            `FLOWS:WRITE scopes (or FLOWS:*).`,
        },
      );
    case status === 404:
      return new ApiNotFoundError(`Not found: ${where} (404)${because}`, options);
    case status === 400 || status === 409 || status === 422:
      return new ApiValidationError(`Runtype API refused ${where} (${status})${because}`, options);
    case status === 429:
      return new ApiRateLimitedError(
        `Rate limited by the Runtype API (429 on ${where})${after}${because}`,
        {
          ...options,
          hint: 'Wait a little and run again, or lower `concurrency`.',
        },
      );
    case status >= 500:
      return new ApiServerError(
        `Runtype API server error (${status} on ${where})${after}${because}`,
        {
          ...options,
          hint: 'The server failed; nothing is wrong with your flows. Try again later.',
        },
      );
    case status >= 400:
      return new ApiError(
        API_ERROR_CODES.clientError,
        `Runtype API answered ${status} to ${where}${because}`,
        options,
      );
    default:
      // 1xx/3xx: redirects are not followed on purpose (the key must not follow them elsewhere).
      return new ApiBadResponseError(`Unexpected HTTP ${status} from ${where}`, {
        ...options,
        hint:
          status >= 300 && status < 400
            ? 'Redirects are not followed: point the API URL at its final https:// location.'
            : undefined,
      });
  }
}

export interface ServerError {
  message?: string;
  code?: string;
  details: ApiErrorDetail[];
}

/**
 * The documented error body is `{ error, details?: [{ code?, message, path?,
 * suggestion? }] }`; the validator's documented 500 is a FlowValidationResult, whose `errors[]`
 * are read as details. A proxy in front of the API may answer otherwise, so the
 * other shapes seen around it are read too: `{ error: { code, message } }`,
 * `{ message }`, or plain text (a proxy's error page).
 */
export function readServerError(body: unknown, redact: Redact): ServerError {
  if (typeof body === 'string') return { message: textSnippet(body, redact), details: [] };
  if (typeof body !== 'object' || body === null) return { details: [] };
  const record = body as Record<string, unknown>;
  const nested = isRecord(record.error) ? record.error : undefined;
  const message = firstString(record.error, nested?.message, record.message);
  const code = firstString(record.code, nested?.code);
  return {
    message: message === undefined ? undefined : clip(redact(message)),
    code: code === undefined ? undefined : redact(code),
    details: readDetails(record.details ?? nested?.details ?? record.errors, redact),
  };
}

/**
 * `: Validation failed — steps.0.type: must be one of … (INVALID_ENUM; did you mean "prompt"?); …`
 */
export function describeServerError(server: ServerError): string {
  const shown = server.details.slice(0, MAX_DETAILS_IN_MESSAGE).map(describeDetail);
  const more = server.details.length - shown.length;
  if (more > 0) shown.push(`and ${more} more`);
  const head = server.message ?? '';
  const tail = shown.join('; ');
  if (head === '' && tail === '') return '';
  return `: ${head}${head !== '' && tail !== '' ? ' — ' : ''}${tail}`;
}

// --- internal ---

const MAX_DETAILS_IN_MESSAGE = 5;

function readDetails(value: unknown, redact: Redact): ApiErrorDetail[] {
  if (!Array.isArray(value)) return [];
  const details: ApiErrorDetail[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.message !== 'string') continue;
    const detail: ApiErrorDetail = { message: clip(redact(item.message)) };
    if (typeof item.code === 'string') detail.code = redact(item.code);
    if (typeof item.path === 'string') detail.path = redact(item.path);
    if (typeof item.suggestion === 'string') detail.suggestion = clip(redact(item.suggestion));
    details.push(detail);
  }
  return details;
}

function describeDetail(detail: ApiErrorDetail): string {
  const notes = [detail.code, detail.suggestion].filter((note) => note !== undefined);
  const where = detail.path === undefined ? '' : `${detail.path}: `;
  return `${where}${detail.message}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

function detailsJson(details: readonly ApiErrorDetail[]): JsonValue | undefined {
  return details.length === 0 ? undefined : details.map((d) => ({ ...d }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
