/**
 * The one error hierarchy. Every failure the user can cause carries a stable
 * `code` (SCREAMING_SNAKE, never renamed once published), an optional `hint`
 * saying what to do, and JSON-safe `meta`. The CLI boundary maps these to
 * output and exit codes; nothing else decides how an error is shown.
 */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface RuntypeErrorOptions {
  hint?: string;
  meta?: Record<string, JsonValue>;
  cause?: unknown;
}

export class RuntypeError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly meta: Record<string, JsonValue> | undefined;

  constructor(code: string, message: string, options: RuntypeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RuntypeError';
    this.code = code;
    this.hint = options.hint;
    this.meta = options.meta;
  }
}

/** An impossible state: the boundary prints "this is a bug, please report". */
export class InternalError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'InternalError';
  }
}

/**
 * A copy of a RuntypeError (errors are not ours to mutate) with `cause` set
 * and, optionally, a note appended to its message; anything else (a bug) is
 * returned as it is.
 */
export function withCause(error: unknown, cause: unknown, note?: string): unknown {
  if (!(error instanceof RuntypeError)) return error;
  return new RuntypeError(
    error.code,
    note === undefined ? error.message : `${error.message} (${note})`,
    {
      ...(error.hint === undefined ? {} : { hint: error.hint }),
      ...(error.meta === undefined ? {} : { meta: error.meta }),
      cause,
    },
  );
}

export function isRuntypeError(error: unknown): error is RuntypeError {
  return error instanceof RuntypeError;
}
