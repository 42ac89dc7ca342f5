import { InternalError, RuntypeError, type JsonValue } from '../errors.js';
import type { Colors } from './color.js';

export const BUG_REPORT_HINT =
  'This is a bug in runtype-flows; please report it with the command you ran and this output.';

/** Human text for an error that reached the top level. */
export function formatError(error: unknown, colors: Colors, verbose: boolean): string {
  if (error instanceof RuntypeError) {
    const lines = [
      `${colors.paint('red', 'error')} ${error.message} ${colors.paint('gray', `(${error.code})`)}`,
    ];
    if (error.hint) lines.push(`  ${colors.paint('gray', `hint: ${error.hint}`)}`);
    if (verbose && error.cause instanceof Error)
      lines.push(colors.paint('gray', `  cause: ${error.cause.message}`));
    return lines.join('\n');
  }
  const err = error instanceof Error ? error : new Error(String(error));
  const kind = error instanceof InternalError ? 'internal error' : 'unexpected error';
  return [
    `${colors.paint('red', kind)} ${err.message}`,
    colors.paint('gray', err.stack ?? ''),
    BUG_REPORT_HINT,
  ].join('\n');
}

/** The `error` member of a JSON document. */
export function errorToJson(error: unknown): {
  code: string;
  message: string;
  hint?: string;
  meta?: Record<string, JsonValue>;
} {
  if (error instanceof RuntypeError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.hint ? { hint: error.hint } : {}),
      ...(error.meta ? { meta: error.meta } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: error instanceof InternalError ? 'INTERNAL' : 'UNEXPECTED',
    message,
    hint: BUG_REPORT_HINT,
  };
}
