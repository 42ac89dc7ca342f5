/**
 * The documented `Error` body: `{ error, details?: [{ code?, message, path?, suggestion? }] }`.
 * There is no top-level `code`: a machine-readable reason goes in `details[].code`.
 */

export interface ErrorDetail {
  code?: string;
  message: string;
  /** Dotted path of the offending field, as the client named it (`steps.0.type`). */
  path?: string;
  suggestion?: string;
}

export interface ErrorBody {
  error: string;
  details?: ErrorDetail[];
}

export function errorBody(message: string, details?: readonly ErrorDetail[]): ErrorBody {
  return details === undefined || details.length === 0
    ? { error: message }
    : { error: message, details: [...details] };
}

/** A 400 body naming every problem found; `error` summarises them. */
export function validationErrorBody(details: readonly ErrorDetail[]): ErrorBody {
  const first = details[0]?.message ?? 'invalid request';
  const more =
    details.length > 1
      ? ` (and ${details.length - 1} more problem${details.length > 2 ? 's' : ''})`
      : '';
  return errorBody(`Validation failed: ${first}${more}`, details);
}
