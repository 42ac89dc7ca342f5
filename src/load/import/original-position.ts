import { readFile } from 'node:fs/promises';
import { SourceMap } from 'node:module';
import { transformModule } from './transform-module.js';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/**
 * jiti 2 evaluates a module as `(async function (exports, require, ...) { <code>`
 * for an import and without `async ` for a require, all on line 1: stack
 * columns on line 1 include that prefix. An import is how the loader reads
 * each glob module; the modules those import are required.
 */
const JITI_PARAMS = 'exports, require, module, __filename, __dirname, jitiImport, jitiESMResolve';
const JITI_WRAPPER = {
  imported: `(async function (${JITI_PARAMS}) { `.length,
  required: `(function (${JITI_PARAMS}) { `.length,
};

/**
 * Maps a position in the code jiti ran back to the user's source. Lines are
 * kept by the transform, columns are not (`prompt(` becomes
 * `_runtypeflows.prompt.call(void 0, `, types vanish), so the module is
 * transformed again with a source map — only on this error path, which keeps
 * the cached, map-free transform of ordinary loads fast. Unknown files and
 * files that no longer transform keep the position as given.
 */
export async function originalPosition(
  file: string,
  at: Position,
  how: keyof typeof JITI_WRAPPER,
): Promise<Position> {
  const source = await readFile(file, 'utf8').catch(() => undefined);
  if (source === undefined || !/\.[cm]?[jt]sx?$/.test(file)) return at;
  let transformed;
  try {
    transformed = transformModule(source, file, {
      typescript: /\.[cm]?tsx?$/.test(file),
      sourceMap: true,
    });
  } catch {
    return at;
  }
  if (!transformed.map) return at;
  let column = at.column - 1;
  if (at.line === 1) {
    const lineOne = transformed.code.split('\n', 1)[0] ?? '';
    column = withoutWrapper(column, lineOne.length, how);
    const insert = transformed.lineOneInsert;
    if (insert && column >= insert.at) column = Math.max(insert.at, column - insert.length);
  }
  const entry = new SourceMap(transformed.map).findEntry(at.line - 1, column) as {
    originalLine?: number;
    originalColumn?: number;
  };
  if (entry.originalLine === undefined || entry.originalColumn === undefined) return at;
  // sucrase maps token starts: a position inside a token lands on that token's start.
  return { line: entry.originalLine + 1, column: entry.originalColumn + 1 };
}

// --- internal ---

/**
 * The prefix expected for how the module was loaded, else the other one if only it fits the line.
 */
function withoutWrapper(
  column: number,
  lineLength: number,
  how: keyof typeof JITI_WRAPPER,
): number {
  const preferred = JITI_WRAPPER[how];
  const other = how === 'imported' ? JITI_WRAPPER.required : JITI_WRAPPER.imported;
  for (const prefix of [preferred, other]) {
    const inner = column - prefix;
    if (inner >= 0 && inner <= lineLength) return inner;
  }
  return Math.max(0, column - preferred);
}
