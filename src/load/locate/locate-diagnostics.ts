import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Project as MorphProject } from 'ts-morph';
import type { Diagnostic } from '../../model/diagnostics.js';
import { createLiteralLocator, UNSURE } from './literal-locator.js';
import type { SourceAnchor, SourceLocator } from './source-locator.js';

type Position = { line: number; column: number } | undefined;

/** One content of one file, parsed, with what was already located in it. */
interface LocatedFile {
  hash: string;
  locate(
    anchor: SourceAnchor,
    d: Pick<Diagnostic, 'path' | 'message' | 'code'>,
  ): Position | Promise<Position>;
}

/**
 * What locating has learnt, kept by whoever loads the project again and
 * again (watch mode: every cycle re-reports the same warnings). Keyed by
 * file and content hash: a file that did not change is not parsed again and
 * its diagnostics are not located again; one that changed replaces its entry.
 */
export class LocationCache {
  readonly #files = new Map<string, LocatedFile>();
  #project: MorphProject | undefined;
  #parsed = 0;

  /** How many times a file was parsed: what the cache saves shows as this not growing. */
  get parsed(): number {
    return this.#parsed;
  }

  /**
   * `file` as `text` says it is now, parsed only when it is new or changed: into tokens, which
   * place the diagnostics of plain flow files; ts-morph is loaded (and the file parsed by it)
   * only for a diagnostic the tokens cannot place for sure.
   */
  file(file: string, text: string): LocatedFile {
    const hash = createHash('sha256').update(text).digest('hex');
    const known = this.#files.get(file);
    if (known?.hash === hash) return known;
    const literal = createLiteralLocator(text);
    let morph: Promise<SourceLocator> | undefined;
    const parse = async (): Promise<SourceLocator> => {
      const { createSourceLocator } = await import('./source-locator.js');
      this.#project ??= new (await import('ts-morph')).Project({ useInMemoryFileSystem: true });
      return createSourceLocator(file, text, this.#project);
    };
    const located = memoized(hash, async (anchor, path, about) => {
      const quick = literal.locate(anchor, path, about);
      if (quick !== UNSURE) return quick;
      morph ??= parse();
      return (await morph).locate(anchor, path, about);
    });
    this.#parsed += 1;
    this.#files.set(file, located);
    return located;
  }
}

/**
 * Adds line:column to diagnostics that name a file but no line, finding the
 * value each is about by its own `exportName` and `flowKey`. ts-morph is
 * heavy, so it is only loaded when some diagnostic needs it; one in-memory
 * project serves every file. Without a `cache`, everything is parsed afresh.
 */
export async function locateDiagnostics(
  diagnostics: Diagnostic[],
  cache: LocationCache = new LocationCache(),
): Promise<Diagnostic[]> {
  const pending = new Set(diagnostics.filter(needsLocating));
  if (pending.size === 0) return diagnostics;
  // Read at once (one warning in each of 300 files is 300 reads), parse one after the other.
  const names = [...new Set([...pending].map((d) => d.file ?? ''))];
  const texts = await Promise.all(
    names.map((file) => readFile(file, 'utf8').catch(() => undefined)),
  );
  const files = new Map<string, LocatedFile | undefined>();
  for (const [i, file] of names.entries()) {
    const text = texts[i];
    files.set(file, text === undefined ? undefined : cache.file(file, text));
  }
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const position =
      pending.has(d) && d.file !== undefined
        ? await files.get(d.file)?.locate(anchorOf(d), d)
        : undefined;
    out.push(position ? { ...d, line: position.line, column: position.column } : d);
  }
  return out;
}

// --- internal ---

function needsLocating(d: Diagnostic): boolean {
  return d.file !== undefined && d.line === undefined && /\.[cm]?[jt]sx?$/.test(d.file);
}

function anchorOf(d: Diagnostic): SourceAnchor {
  return {
    ...(d.flowKey === undefined ? {} : { flowKey: d.flowKey }),
    ...(d.exportName === undefined ? {} : { exportName: d.exportName }),
  };
}

type Locate = (
  anchor: SourceAnchor,
  path: readonly (string | number)[],
  about: { message?: string; code?: string },
) => Promise<Position>;

function memoized(hash: string, locate: Locate): LocatedFile {
  const positions = new Map<string, Position>();
  return {
    hash,
    async locate(anchor, d) {
      const query = JSON.stringify([anchor, d.path ?? [], d.message, d.code]);
      if (!positions.has(query)) {
        const about = { message: d.message, code: d.code };
        positions.set(query, await locate(anchor, d.path ?? [], about));
      }
      return positions.get(query);
    },
  };
}
