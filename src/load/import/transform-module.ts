import { createRequire, type SourceMapPayload } from 'node:module';
import type { transform as Transform } from 'sucrase';
import { findDefaultExports, findImportMeta } from './scan-tokens.js';

export interface TransformedModule {
  code: string;
  /** sucrase's source map (lines are kept; columns move where imports and types are rewritten). */
  map?: SourceMapPayload;
  /** Text inserted on line 1 of `code` that the map does not know about. */
  lineOneInsert?: { at: number; length: number };
}

export type { SourceMapPayload } from 'node:module';

/** What `import.meta` is rewritten to: exactly as long, so no column moves. */
const META = '$importMeta';

/**
 * TypeScript → CommonJS (how jiti evaluates a module), keeping line numbers
 * so stack traces point at the user's lines. jiti runs the result inside a
 * function, where `import.meta` cannot be written: it is replaced by an
 * object giving the module's real file URL (and Node 20.11's dirname and
 * filename), defined on line 1 behind "use strict". A problem is thrown in
 * jiti's "ParseError: reason\n <file>:<line>:<column>" form, column 1-based.
 */
export function transformModule(
  source: string,
  filePath: string,
  options: { typescript: boolean; sourceMap?: boolean },
): TransformedModule {
  try {
    const metas =
      source.includes('import') && /\bimport\s*\.\s*meta\b/.test(source)
        ? findImportMeta(source, options.typescript)
        : [];
    const input = metas.length === 0 ? source : replaceRanges(source, metas);
    rejectSecondDefaultExport(input, options.typescript);
    const result = sucrase()(input, {
      transforms: options.typescript ? ['typescript', 'imports'] : ['imports'],
      filePath,
      production: true,
      keepUnusedImports: false,
      ...(options.sourceMap ? { sourceMapOptions: { compiledFilename: filePath } } : {}),
    });
    // node:module's SourceMap wants the two fields sucrase leaves out.
    const map: SourceMapPayload | undefined = result.sourceMap && {
      sourceRoot: '',
      sourcesContent: [],
      ...result.sourceMap,
      file: filePath,
    };
    if (metas.length === 0) return { code: result.code, ...(map ? { map } : {}) };
    const at = result.code.startsWith('"use strict";') ? '"use strict";'.length : 0;
    const insert = metaDefinition();
    return {
      code: result.code.slice(0, at) + insert + result.code.slice(at),
      ...(map ? { map } : {}),
      lineOneInsert: { at, length: insert.length },
    };
  } catch (error) {
    throw parseError(error, filePath, source);
  }
}

// --- internal ---

let transform: typeof Transform | undefined;

/**
 * sucrase, loaded on the first module that needs transforming: a warm run (every module in jiti's
 * on-disk cache) transforms nothing and so never loads it.
 */
function sucrase(): typeof Transform {
  transform ??= (createRequire(import.meta.url)('sucrase') as { transform: typeof Transform })
    .transform;
  return transform;
}

class ModuleParseError extends Error {
  readonly reason: string;
  readonly line: number;
  readonly column: number;
  constructor(reason: string, line: number, column: number) {
    super(reason);
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}

function metaDefinition(): string {
  const url = 'require("node:url")';
  return (
    `const ${META} = { url: ${url}.pathToFileURL(__filename).href, ` +
    'filename: __filename, dirname: __dirname, ' +
    `resolve: (specifier) => ${url}.pathToFileURL(require.resolve(specifier)).href };`
  );
}

/** Same length as the original, newlines kept: every later column and line is unchanged. */
function replaceRanges(source: string, ranges: readonly { start: number; end: number }[]): string {
  let out = '';
  let last = 0;
  for (const { start, end } of ranges) {
    const original = source.slice(start, end);
    const padding = original.slice(META.length).replace(/[^\n]/g, ' ');
    out += source.slice(last, start) + META + padding;
    last = end;
  }
  return out + source.slice(last);
}

/** Real ESM refuses a second `export default`; sucrase would silently keep the last one. */
function rejectSecondDefaultExport(source: string, typescript: boolean): void {
  if ((source.match(/\bexport\s+default\b/g) ?? []).length < 2) return;
  const second = findDefaultExports(source, typescript)[1];
  if (second === undefined) return;
  const before = source.slice(0, second).split('\n');
  throw new ModuleParseError(
    "Duplicate export of 'default'",
    before.length,
    (before.at(-1)?.length ?? 0) + 1,
  );
}

function parseError(error: unknown, filePath: string, source: string): Error {
  let reason: string;
  let line = 1;
  let column = 1;
  if (error instanceof ModuleParseError) {
    ({ reason, line, column } = error);
  } else {
    // sucrase: "Error transforming <file>: <reason> (<line>:<column>)", loc 1-based in both.
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    reason = (error instanceof Error ? error.message : String(error))
      .replace(/^Error transforming .+?: /, '')
      .replace(/ \(\d+:\d+\)$/, '');
    if (loc) ({ line, column } = loc);
    // sucrase places an unterminated template just inside its backtick; the backtick is where it
    // starts.
    if (/^Unterminated template/.test(reason) && source.split('\n')[line - 1]?.[column - 2] === '`')
      column -= 1;
  }
  return new Error(`ParseError: ${reason}\n ${filePath}:${line}:${column}`);
}
