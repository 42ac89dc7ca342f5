import type { createJiti as CreateJiti, TransformOptions, TransformResult } from 'jiti';
import * as authoringApi from '../../index.js';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { userFrames } from './stack-frames.js';
import { changedAndImporters, type CachedModule } from './module-graph.js';
import { transformModule } from './transform-module.js';

/** Imports one module by absolute path and returns its namespace object. */
export interface ImportModule {
  (file: string): Promise<Record<string, unknown>>;
  /**
   * Forget the project's own modules (not node_modules, not the authoring
   * API) so the next import reads them from disk again: every load sees the
   * files as they are now, which watch mode and long-lived processes need.
   */
  beginLoad?(root: string, changed?: readonly string[]): void | Promise<void>;
  /**
   * The user files on the call stack when `defineFlow` made `value`,
   * innermost first (empty when unknown): tells the module that defined a
   * flow from the modules that only re-export it.
   */
  definedIn?(value: unknown): string[] | Promise<string[]>;
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
  // jiti through require, not import: its ESM entry re-exports a large CommonJS bundle, which Node
  // then scans with its CJS export lexer (~15 ms of every load, measured with --cpu-prof).
  const { createJiti } = createRequire(import.meta.url)('jiti') as {
    createJiti: typeof CreateJiti;
  };
  const entry = authoringEntry();
  provideAuthoringApi(entry);
  const jiti = createJiti(import.meta.url, {
    interopDefault: false,
    alias: { 'runtype-flows': entry },
    transform: transformTypeScript,
    fsCache: transformCacheDir(),
  });
  const importModule: ImportModule = (file) => jiti.import<Record<string, unknown>>(file);
  importModule.beginLoad = (root, changed) => {
    const cache = requireCache();
    if (changed !== undefined) {
      const stale = changedAndImporters(changed, cachedProjectModules());
      if (stale !== 'all') {
        for (const file of stale) delete cache[file];
        return;
      }
    }
    // jiti keys a module by the path it was asked for (a flow under a symlinked root keeps the
    // link's path) but the modules it imports by their real path: look under both.
    const prefixes = [...new Set([path.resolve(root), realPath(root)])].map(
      (dir) => dir + path.sep,
    );
    const entries = Object.keys(cache).filter((key) =>
      prefixes.some((prefix) => key.startsWith(prefix)),
    );
    for (const file of loadedProjectModules(entries)) delete cache[file];
  };
  importModule.definedIn = (value) => {
    const origin = value !== null && typeof value === 'object' ? origins.get(value) : undefined;
    return userFrames(origin?.stack).map((frame) => frame.file);
  };
  return importModule;
}

/**
 * The project's modules jiti evaluated from `entries` (flow modules, the
 * config): those and every module they imported, wherever it lies — a helper
 * outside the root, or under its real path when the root is a symlink — but
 * no dependency (node_modules) and not the authoring API. What a load read,
 * so what the next one must read afresh and what watch mode watches.
 */
export function loadedProjectModules(entries: Iterable<string>): string[] {
  const cache = requireCache() as Record<
    string,
    { children?: readonly { filename?: string }[] } | undefined
  >;
  const found = new Set<string>();
  const pending = [...entries];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (found.has(file) || !isProjectModule(file)) continue;
    const cached = cache[file];
    if (cached === undefined) continue;
    found.add(file);
    // jiti records a module under the first module that imported it (a later import is a cache
    // hit).
    for (const child of cached.children ?? [])
      if (child.filename !== undefined) pending.push(child.filename);
  }
  return [...found];
}

// --- internal ---

/** Every project module in jiti's cache, with the modules it recorded as loaded. */
function cachedProjectModules(): CachedModule[] {
  const cache = requireCache() as Record<
    string,
    { children?: readonly { filename?: string }[] } | undefined
  >;
  return Object.entries(cache)
    .filter(([file]) => isProjectModule(file))
    .map(([file, cached]) => ({
      file,
      children: (cached?.children ?? []).flatMap((c) =>
        c.filename === undefined ? [] : [c.filename],
      ),
    }));
}

/**
 * Where the authoring API lives (src/ or dist/ of this package): never a project module, never
 * evicted.
 */
const AUTHORING_DIR = path.dirname(authoringEntry()) + path.sep;

function isProjectModule(file: string): boolean {
  return !file.startsWith(AUTHORING_DIR) && !file.includes(`${path.sep}node_modules${path.sep}`);
}

function realPath(file: string): string {
  try {
    return realpathSync(path.resolve(file));
  } catch {
    return path.resolve(file);
  }
}

/** Where each flow was made: a stack captured by defineFlow, formatted only when asked. */
const origins = new WeakMap<object, { stack?: string }>();

function trackedDefineFlow(flow: authoringApi.FlowInput): authoringApi.FlowDefinition {
  const made = authoringApi.defineFlow(flow);
  if (made !== null && typeof made === 'object' && !origins.has(made)) {
    const holder: { stack?: string } = {};
    Error.captureStackTrace(holder, trackedDefineFlow);
    origins.set(made, holder);
  }
  return made;
}

/** Type stripping plus ESM → CommonJS, lines kept (transform-module.ts). */
function transformTypeScript(options: TransformOptions): TransformResult {
  const filePath = options.filename ?? 'module.ts';
  const typescript = options.ts === true || /\.[cm]?tsx?$/.test(filePath);
  return { code: transformModule(options.source, filePath, { typescript }).code };
}

/**
 * Flows get the very module instance the CLI itself runs (one zod, one
 * model): it is placed in the CommonJS cache under the alias target, where
 * jiti looks before loading a file. Saves loading the model a second time.
 * Its defineFlow records where each flow was made (see `definedIn`).
 */
function provideAuthoringApi(entry: string): void {
  const cache = requireCache();
  if (cache[entry] === undefined)
    cache[entry] = {
      id: entry,
      filename: entry,
      loaded: true,
      exports: { ...authoringApi, defineFlow: trackedDefineFlow },
      children: [],
      paths: [],
    };
}

/** jiti keeps evaluated modules in Node's CommonJS module cache. */
function requireCache(): Record<string, unknown> {
  return createRequire(import.meta.url).cache;
}

/**
 * jiti keys its on-disk cache on a module's source alone, not on the
 * transform: after an upgrade that changes our transform, every module would
 * still come back as the old output. One cache folder per version of the
 * transform (its own files and sucrase's version) keeps them apart.
 */
function transformCacheDir(): string {
  const self = fileURLToPath(import.meta.url);
  const extension = path.extname(self);
  const hash = createHash('sha256');
  for (const name of ['transform-module', 'scan-tokens'])
    hash.update(readFileSync(path.join(path.dirname(self), name + extension)));
  // Read as a file, not required: sucrase itself is loaded only when a module needs transforming.
  const sucrasePackage = createRequire(import.meta.url).resolve('sucrase/package.json');
  hash.update(
    String((JSON.parse(readFileSync(sucrasePackage, 'utf8')) as { version?: string }).version),
  );
  return path.join(os.tmpdir(), 'jiti', `runtype-flows-${hash.digest('hex').slice(0, 12)}`);
}

/** `src/index.ts` when running from source, `dist/index.js` when built. */
function authoringEntry(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const name of ['index.ts', 'index.js']) {
    const candidate = path.resolve(here, '..', '..', name);
    if (existsSync(candidate)) return candidate;
  }
  return path.resolve(here, '..', '..', 'index.js');
}
