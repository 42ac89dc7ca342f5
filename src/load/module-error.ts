import type { Diagnostic } from '../model/diagnostics.js';

/**
 * Turns an exception thrown while importing `file` into a diagnostic with the
 * best location we can get: jiti's parse errors end with ` <file>:<line>:<col>`,
 * runtime errors carry it in the first stack frame inside that file.
 */
export function moduleErrorDiagnostic(file: string, error: unknown): Diagnostic {
  const err = error instanceof Error ? error : new Error(String(error));
  // jiti reports a module it cannot parse as "ParseError: ..."; a SyntaxError thrown by code (JSON.parse) is a runtime failure.
  const isSyntax = /ParseError/.test(err.message);
  const location = findLocation(err, file);
  const firstLine = (err.message.split('\n')[0] ?? '').replace(/^(Error: )?ParseError: /, '').trim();
  return {
    severity: 'error',
    code: isSyntax ? 'MODULE_SYNTAX_ERROR' : 'MODULE_IMPORT_FAILED',
    message: isSyntax ? `syntax error: ${firstLine || 'could not parse the module'}` : `importing the module threw: ${firstLine}`,
    file: location?.file ?? file,
    ...(location ? { line: location.line, column: location.column } : {}),
    hint: isSyntax ? undefined : 'A flow module runs when it is loaded; keep side effects out of it.',
  };
}

// --- internal ---

interface Location {
  file: string;
  line: number;
  column: number;
}

function findLocation(err: Error, file: string): Location | undefined {
  const text = `${err.message}\n${err.stack ?? ''}`;
  const pattern = /(\/[^\s():]+?\.[cm]?[jt]sx?):(\d+):(\d+)/g;
  let fallback: Location | undefined;
  for (const match of text.matchAll(pattern)) {
    const [, where, line, column] = match;
    if (where === undefined || line === undefined || column === undefined) continue;
    const location = { file: where, line: Number(line), column: Number(column) };
    if (where === file) return location;
    // A helper module the flow imports may be where it broke; keep the first user frame.
    if (!fallback && !where.includes('/node_modules/')) fallback = location;
  }
  return fallback;
}
