import { RuntypeError, type RuntypeErrorOptions } from '../errors.js';

/**
 * Typed API failures. Callers branch on the class or on the stable `code`;
 * `meta` is JSON-safe ({ method, path, status?, ... }) and never holds the
 * key, a header or the host. `ambiguous` marks a write that may have landed:
 * the caller must reconcile (by name) instead of retrying blindly.
 */
export const API_ERROR_CODES = {
  unauthorized: 'API_UNAUTHORIZED',
  forbidden: 'API_FORBIDDEN',
  notFound: 'API_NOT_FOUND',
  validation: 'API_VALIDATION',
  clientError: 'API_CLIENT_ERROR',
  rateLimited: 'API_RATE_LIMITED',
  serverError: 'API_SERVER_ERROR',
  network: 'API_NETWORK',
  ambiguousWrite: 'API_AMBIGUOUS_WRITE',
  badResponse: 'API_BAD_RESPONSE',
  /** A 200 whose documented `success` is false: what was asked did not happen. */
  notDone: 'API_NOT_DONE',
  aborted: 'API_ABORTED',
  insecureUrl: 'INSECURE_URL',
  invalidUrl: 'API_INVALID_URL',
} as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[keyof typeof API_ERROR_CODES];

/** One entry of the documented error body's `details[]`: what the server refused, and where. */
export interface ApiErrorDetail {
  /** Stable validation code, e.g. MISSING_REQUIRED_FIELD, INVALID_ENUM. */
  code?: string;
  message: string;
  /** Dotted JSON path into the request body, e.g. `steps.0.config.model`. */
  path?: string;
  /** Allowed values, accepted range, … */
  suggestion?: string;
}

export interface ApiErrorOptions extends RuntypeErrorOptions {
  status?: number;
  ambiguous?: boolean;
  details?: readonly ApiErrorDetail[];
}

export class ApiError extends RuntypeError {
  declare readonly code: ApiErrorCode;
  readonly status: number | undefined;
  readonly ambiguous: boolean;
  /** The server's `details[]`, each naming a field of the request: never dropped. */
  readonly details: readonly ApiErrorDetail[];

  constructor(code: ApiErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(code, message, options);
    this.name = 'ApiError';
    this.status = options.status;
    this.ambiguous = options.ambiguous ?? false;
    this.details = options.details ?? [];
  }
}

/** 401: the key is missing, wrong or revoked. */
export class ApiUnauthorizedError extends ApiError {
  constructor(message: string, options: ApiErrorOptions = {}) {
    super(API_ERROR_CODES.unauthorized, message, options);
    this.name = 'ApiUnauthorizedError';
  }
}

/** 403: the key is valid but lacks a scope (FLOWS:READ / FLOWS:WRITE). */
export class ApiForbiddenError extends ApiError {
  constructor(message: string, options: ApiErrorOptions = {}) {
    super(API_ERROR_CODES.forbidden, message, options);
    this.name = 'ApiForbiddenError';
  }
}

/** 404: apply/ branches on it (a flow deleted outside the tool). */
export class ApiNotFoundError extends ApiError {
  constructor(message: string, options: ApiErrorOptions = {}) {
    super(API_ERROR_CODES.notFound, message, options);
    this.name = 'ApiNotFoundError';
  }
}

/** 400/409/422: the server refused the payload; the message carries its reason. */
export class ApiValidationError extends ApiError {
  constructor(message: string, options: ApiErrorOptions = {}) {
    super(API_ERROR_CODES.validation, message, options);
    this.name = 'ApiValidationError';
  }
}

/** 429 that outlived the retries, or whose Retry-After is too long to wait for. */
export class ApiRateLimitedError extends ApiError {
  constructor(message: string, options: ApiErrorOptions = {}) {
    super(API_ERROR_CODES.rateLimited, message, options);
    this.name = 'ApiRateLimitedError';
  }
}

/** 5xx on an idempotent request, after the retries. */
export class ApiServerError extends ApiError {
  constructor(message: string, options: ApiErrorOptions = {}) {
    super(API_ERROR_CODES.serverError, message, options);
    this.name = 'ApiServerError';
  }
}

/** Connection refused/reset, DNS, proxy or timeout, after the retries. */
export class ApiNetworkError extends ApiError {
  constructor(message: string, options: ApiErrorOptions = {}) {
    super(API_ERROR_CODES.network, message, options);
    this.name = 'ApiNetworkError';
  }
}

/** A POST that may or may not have been processed: reconcile, never retry blindly. */
export class ApiAmbiguousWriteError extends ApiError {
  constructor(message: string, options: ApiErrorOptions = {}) {
    super(API_ERROR_CODES.ambiguousWrite, message, { ...options, ambiguous: true });
    this.name = 'ApiAmbiguousWriteError';
  }
}

/** A 2xx whose body is not what the API documents (or an unexpected status). */
export class ApiBadResponseError extends ApiError {
  constructor(message: string, options: ApiErrorOptions = {}) {
    super(API_ERROR_CODES.badResponse, message, options);
    this.name = 'ApiBadResponseError';
  }
}

/** The caller's AbortSignal fired; `ambiguous` when a POST was on the wire. */
export class ApiAbortedError extends ApiError {
  constructor(message: string, options: ApiErrorOptions = {}) {
    super(API_ERROR_CODES.aborted, message, options);
    this.name = 'ApiAbortedError';
  }
}

/** Refused before any request: the key would travel in clear text. */
export class InsecureUrlError extends ApiError {
  constructor(message: string, options: ApiErrorOptions = {}) {
    super(API_ERROR_CODES.insecureUrl, message, options);
    this.name = 'InsecureUrlError';
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
