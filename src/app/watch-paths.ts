import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Project } from '../load/load-project.js';
import type { Diagnostic } from '../model/diagnostics.js';

/** Folders whose changes never matter to a sync (dependencies, VCS, our own state, build output). */
const IGNORED_SEGMENTS = new Set(['node_modules', '.git', '.runtype', 'dist']);
/** What a flow module, helper or config can be; a new file of another kind cannot add a flow. */
const MODULE_FILE = /\.(?:[cm]?[jt]sx?)$/;

/** What to watch and which file events are worth a cycle. */
export interface WatchPaths {
  /** Folders the flow globs start from (watched recursively: new flow files appear there). */
  folders: string[];
  /** The config and every module the last load read (flows and the helpers they import). */
  files: Set<string>;
}

/**
 * What the load actually read: the config, the modules the globs matched,
 * every project module they imported (the CommonJS cache entries jiti filled
 * under the root, so helpers outside the globs count and nothing is parsed),
 * and the files diagnostics point at (a broken helper never reaches the cache).
 */
export function watchPathsOf(project: Project, loaded: readonly string[] = loadedModules(project.root)): WatchPaths {
  const files = new Set<string>([...project.files, ...loaded]);
  if (project.configFile) files.add(project.configFile);
  for (const file of diagnosticFiles(project.diagnostics)) files.add(file);
  return { folders: project.config.flows.filter((g) => !g.startsWith('!')).map((g) => globBase(project.root, g)), files };
}

/** An invalid load may have read less than the last one (a module that failed to parse): forget nothing then. */
export function mergeWatchPaths(previous: WatchPaths | undefined, next: WatchPaths): WatchPaths {
  if (!previous) return next;
  return { folders: [...new Set([...previous.folders, ...next.folders])], files: new Set([...previous.files, ...next.files]) };
}

export function allPaths(paths: WatchPaths): string[] {
  return [...paths.folders, ...paths.files];
}

/** Whether an event can change what a load returns: a known file, or a module appearing or vanishing under the globs. */
export function isRelevant(paths: WatchPaths, event: { kind: string; path: string }): boolean {
  if (paths.files.has(event.path)) return true;
  if (event.kind === 'change' || !MODULE_FILE.test(event.path)) return false;
  return paths.folders.some((folder) => isInside(folder, event.path));
}

/** node_modules, .git, .runtype and dist anywhere below the root (the root's own location does not count). */
export function ignoredIn(root: string): (file: string) => boolean {
  return (file) => path.relative(root, file).split(path.sep).some((segment) => IGNORED_SEGMENTS.has(segment));
}

/** Project modules in Node's CommonJS cache, where jiti keeps what it evaluated. */
export function loadedModules(root: string): string[] {
  const ignored = ignoredIn(root);
  return Object.keys(createRequire(import.meta.url).cache).filter((file) => isInside(root, file) && !ignored(file));
}

// --- internal ---

/**
 * The folder a glob starts from: its leading segments without glob syntax
 * (`flows/**\/*.ts` → `flows`). chokidar never sees a folder that does not
 * exist yet appear, so until it does, the nearest existing folder above it is watched.
 */
function globBase(root: string, glob: string): string {
  const segments = glob.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (/[*?[\]{}()!+@]/.test(segment)) break;
    fixed.push(segment);
  }
  let folder = path.resolve(root, ...fixed);
  while (!existsSync(folder) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  return folder;
}

function diagnosticFiles(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.flatMap((d) => (d.file ? [d.file] : []));
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
