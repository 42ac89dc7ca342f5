import { createJiti, type TransformOptions, type TransformResult } from 'jiti';
import { transform as sucraseTransform } from 'sucrase';
import * as authoringApi from '../index.js';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Imports one module by absolute path and returns its namespace object. */
export interface ImportModule {
  (file: string): Promise<Record<string, unknown>>;
  /**
   * Forget the project's own modules (not node_modules, not the authoring
   * API) so the next import reads them from disk again: every load sees the
   * files as they are now, which watch mode and long-lived processes need.
   */
  beginLoad?(root: string): void | Promise<void>;
}

/**
 * TypeScript modules are imported with jiti because Node 20 cannot strip
 * types. `runtype-flows` is aliased to this CLI's own authoring entry, so a
 * flow always gets the same `defineFlow` as the loader that reads it — also
 * in this repository, which imports its own package by name. jiti's on-disk
 * transpile cache makes repeated runs fast; sucrase instead of jiti's default
 * babel transform makes the first run fast too (about 10x on 1,000 files).
 */
export function createModuleImporter(): ImportModule {
  const entry = authoringEntry();
  provideAuthoringApi(entry);
  const jiti = createJiti(import.meta.url, { interopDefault: false, alias: { 'runtype-flows': entry }, transform: transformTypeScript });
  const keep = path.dirname(entry) + path.sep;
  const importModule: ImportModule = (file) => jiti.import<Record<string, unknown>>(file);
  importModule.beginLoad = (root) => {
    const cache = requireCache();
    const prefix = path.resolve(root) + path.sep;
    for (const key of Object.keys(cache)) {
      if (key.startsWith(prefix) && !key.startsWith(keep) && !key.includes(`${path.sep}node_modules${path.sep}`)) delete cache[key];
    }
  };
  return importModule;
}

// --- internal ---

/**
 * Type stripping plus ESM → CommonJS (how jiti evaluates), keeping line
 * numbers so stack traces and diagnostics point at the user's source. A
 * parse error is re-thrown in jiti's "ParseError: ... file:line:col" form.
 */
function transformTypeScript(options: TransformOptions): TransformResult {
  const filePath = options.filename ?? 'module.ts';
  const typescript = options.ts === true || /\.[cm]?tsx?$/.test(filePath);
  try {
    const { code } = sucraseTransform(options.source, {
      transforms: typescript ? ['typescript', 'imports'] : ['imports'],
      filePath,
      production: true,
      keepUnusedImports: false,
    });
    return { code };
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^Error transforming [^:]+: /, '').replace(/ \(\d+:\d+\)$/, '');
    throw new Error(`ParseError: ${reason}\n ${filePath}:${loc?.line ?? 1}:${(loc?.column ?? 0) + 1}`);
  }
}

/**
 * Flows get the very module instance the CLI itself runs (one zod, one
 * model): it is placed in the CommonJS cache under the alias target, where
 * jiti looks before loading a file. Saves loading the model a second time.
 */
function provideAuthoringApi(entry: string): void {
  const cache = requireCache();
  if (cache[entry] === undefined) cache[entry] = { id: entry, filename: entry, loaded: true, exports: authoringApi, children: [], paths: [] };
}

/** jiti keeps evaluated modules in Node's CommonJS module cache. */
function requireCache(): Record<string, unknown> {
  return createRequire(import.meta.url).cache;
}

/** `src/index.ts` when running from source, `dist/index.js` when built. */
function authoringEntry(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const name of ['index.ts', 'index.js']) {
    const candidate = path.resolve(here, '..', name);
    if (existsSync(candidate)) return candidate;
  }
  return path.resolve(here, '..', 'index.js');
}
