import { createJiti } from 'jiti';
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
  beginLoad?(root: string): void;
}

/**
 * TypeScript modules are imported with jiti because Node 20 cannot strip
 * types. `runtype-flows` is aliased to this CLI's own authoring entry, so a
 * flow always gets the same `defineFlow` as the loader that reads it — also
 * in this repository, which imports its own package by name. jiti's on-disk
 * transpile cache makes repeated runs fast.
 */
export function createModuleImporter(): ImportModule {
  const entry = authoringEntry();
  const jiti = createJiti(import.meta.url, { interopDefault: false, alias: { 'runtype-flows': entry } });
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
