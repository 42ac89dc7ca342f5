import path from 'node:path';
import type { Diagnostic } from '../../model/diagnostics.js';
import { originalPosition } from './original-position.js';
import { compileErrorFrame, userFrames, type Frame } from './stack-frames.js';

/** Why importing one module failed, and where in the user's source. */
export interface ModuleFailure {
  syntax: boolean;
  reason: string;
  hint?: string;
  /** The file it broke in: the imported module itself, or a helper it loads. */
  file: string;
  line?: number;
  column?: number;
}

/**
 * Reads an exception thrown while importing `file`: jiti's parse errors
 * (from our transform) end with ` <file>:<line>:<column>` in source columns;
 * a module V8 cannot compile names `<file>:<line>` first; a runtime error is
 * placed at its innermost user frame, mapped back from transformed columns.
 */
export async function analyseModuleError(file: string, error: unknown): Promise<ModuleFailure> {
  if (!(error instanceof Error)) {
    return {
      syntax: false,
      file,
      reason: `threw ${describe(error)}, not an Error`,
      hint: 'Throw an Error (`throw new Error("...")`) so its file and line can be shown.',
    };
  }
  const parse = /^(?:Error: )?ParseError: ([^\n]*)\n (\/.+):(\d+):(\d+)\s*$/.exec(error.message);
  if (parse)
    return {
      syntax: true,
      reason: parse[1] || 'could not parse the module',
      file: parse[2]!,
      line: Number(parse[3]),
      column: Number(parse[4]),
    };
  const reason = firstLine(error);
  const compile = compileErrorFrame(error);
  if (compile) {
    const at = await mapped(compile, file);
    const tla = /await is only valid/.test(error.message) && compile.file !== file;
    return {
      syntax: true,
      reason,
      ...at,
      ...(tla
        ? {
            hint:
              'Top-level await works in the modules the flow globs match, not in the modules ' +
              'they import (those are loaded synchronously).',
          }
        : {}),
    };
  }
  const frame = userFrames(error.stack)[0];
  const hint = /Cannot find (module|package)/.test(reason)
    ? 'Check the import path (relative to the importing file) and that the package is installed.'
    : 'A flow module runs when it is loaded; keep side effects out of it.';
  return { syntax: false, reason, hint, ...(frame ? await mapped(frame, file) : { file }) };
}

/**
 * One diagnostic for a failure; `loadedBy` are the imported modules that
 * failed because of it when it lies in a helper (one helper, one report).
 */
export function moduleFailureDiagnostic(
  failure: ModuleFailure,
  loadedBy: readonly string[],
  options: { root: string; config?: boolean },
): Diagnostic {
  const via = loadedBy
    .filter((f) => f !== failure.file)
    .map((f) => path.relative(options.root, f) || f);
  const doing = options.config ? 'loading the config' : 'importing the module';
  const threw = failure.reason.startsWith('threw ') ? '' : 'threw: ';
  const what = failure.syntax
    ? `syntax error: ${failure.reason}`
    : `${doing} ${threw}${failure.reason}`;
  const hint =
    options.config && !failure.syntax
      ? 'The config file runs on every command: ' +
        'keep it to `export default defineConfig({ ... })`, without side effects.'
      : failure.hint;
  return {
    severity: 'error',
    code: options.config
      ? 'CONFIG_LOAD_FAILED'
      : failure.syntax
        ? 'MODULE_SYNTAX_ERROR'
        : 'MODULE_IMPORT_FAILED',
    message: via.length === 0 ? what : `${what} (loaded by ${via.join(', ')})`,
    file: failure.file,
    ...(failure.line === undefined ? {} : { line: failure.line, column: failure.column ?? 1 }),
    ...(hint ? { hint } : {}),
  };
}

/** The two steps at once, for a single module (the config file). */
export async function moduleErrorDiagnostic(
  file: string,
  error: unknown,
  options: { root: string; config?: boolean },
): Promise<Diagnostic> {
  return moduleFailureDiagnostic(await analyseModuleError(file, error), [file], options);
}

// --- internal ---

async function mapped(
  frame: Frame,
  imported: string,
): Promise<{ file: string; line: number; column: number }> {
  const at = await originalPosition(
    frame.file,
    frame,
    frame.file === imported ? 'imported' : 'required',
  );
  return { file: frame.file, ...at };
}

function firstLine(error: Error): string {
  const line = (error.message.split('\n')[0] ?? '').trim();
  const name = error.name && error.name !== 'Error' ? `${error.name}: ` : '';
  return `${name}${line || '(no message)'}`;
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 120 ? `${value.slice(0, 117)}...` : value);
  if (value === null || value === undefined || typeof value !== 'object') return String(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
