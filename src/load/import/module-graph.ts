import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** A project module in jiti's cache and the modules the cache says it loaded. */
export interface CachedModule {
  file: string;
  children: readonly string[];
}

/** What a module is or may be: a changed file of any other kind is data someone reads. */
const MODULE_FILE = /\.(?:[cm]?[jt]sx?)$/;

/**
 * Which cached modules must be read again after `changed` files changed:
 * those files and every module that imports them, directly or not — or every
 * module (`'all'`) when a changed file is not a module (a prompt.txt some
 * module reads at import time: who reads it is unknown).
 *
 * The cache's `children` are not the whole graph: jiti records a module only
 * under the first module that loaded it (later imports are cache hits). So
 * each module's relative import specifiers are also read from its source
 * (a regular expression: one in a comment only costs an extra re-import) and
 * the union is used. A module reached in another way (a computed path, an
 * alias) is covered by its first importer's `children` alone.
 */
export function changedAndImporters(
  changed: readonly string[],
  modules: readonly CachedModule[],
): string[] | 'all' {
  // jiti keys a module by the path it was asked for, the modules it imports by their real path (a
  // symlinked root): a specifier is matched under either.
  const known = new Map<string, string>();
  for (const { file } of modules) {
    known.set(file, file);
    known.set(realPath(file), file);
  }
  const importers = new Map<string, Set<string>>();
  const edge = (from: string, to: string) => {
    const set = importers.get(to) ?? new Set<string>();
    set.add(from);
    importers.set(to, set);
  };
  // A changed module's specifiers may have changed; every other module's source is as scanned.
  for (const file of changed) scanned.delete(path.resolve(file));
  for (const { file, children } of modules) {
    for (const child of children) edge(file, child);
    let targets = scanned.get(file);
    if (targets === undefined) scanned.set(file, (targets = relativeImports(file, known)));
    for (const target of targets) edge(file, target);
  }
  const out = new Set<string>();
  const pending: string[] = [];
  for (const file of changed) {
    if (!MODULE_FILE.test(file)) return 'all';
    for (const variant of [path.resolve(file), realPath(file)])
      pending.push(known.get(variant) ?? variant);
  }
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (out.has(file)) continue;
    out.add(file);
    for (const importer of importers.get(file) ?? []) pending.push(importer);
  }
  return [...out];
}

// --- internal ---

/**
 * Each module's relative imports as last read from its source: a long-lived process (watch) reads
 * only the changed modules again, not every module on every save.
 */
const scanned = new Map<string, string[]>();

const SPECIFIER = /(?:\bfrom|\bimport|\brequire\s*\()\s*\(?\s*['"](\.{1,2}\/[^'"\n]+)['"]/g;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];

/** The known modules `file`'s relative specifiers can name (TypeScript's `.js` for `.ts` too). */
function relativeImports(file: string, known: ReadonlyMap<string, string>): string[] {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const match of source.matchAll(SPECIFIER)) {
    for (const dir of new Set([path.dirname(file), realDir(path.dirname(file))])) {
      const base = path.resolve(dir, match[1]!);
      const stem = base.replace(/\.[cm]?[jt]sx?$/, '');
      const candidates = [
        base,
        ...EXTENSIONS.map((ext) => stem + ext),
        ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
      ];
      for (const candidate of candidates) {
        const key = known.get(candidate);
        if (key !== undefined) out.push(key);
      }
    }
  }
  return out;
}

const realDirs = new Map<string, string>();

/** Folders' real paths, remembered: every module of a folder asks for the same one. */
function realDir(dir: string): string {
  let real = realDirs.get(dir);
  if (real === undefined) realDirs.set(dir, (real = realPath(dir)));
  return real;
}

function realPath(file: string): string {
  try {
    return realpathSync(path.resolve(file));
  } catch {
    return path.resolve(file);
  }
}
