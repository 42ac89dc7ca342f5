import { NEVER_FLOW_FILES, type LoadedProject } from '../../load/index.js';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../model/diagnostics.js';
import { SHARED_LOCKFILE_NAME } from '../../state/index.js';

/** What a flow module, helper or config can be; a new file of another kind cannot add a flow. */
const MODULE_FILE = /\.(?:[cm]?[jt]sx?)$/;
/** Besides what discovery never reads: version control, at the root only. */
const IGNORED_AT_ROOT = new Set<string>(['.git', ...NEVER_FLOW_FILES.rootFolders]);
/**
 * Files next to a module that no flow reads: editors' swap, backup and lock files (and our
 * lockfile, written by every cycle).
 */
const NOT_READ = /^[.#]|~$|\.(?:swp|swx|swo|tmp|bak|orig|log)$|___jb_|^4913$/i;

/** What to watch and which file events are worth a cycle. */
export interface WatchPaths {
  /** Folders the flow globs start from (watched recursively: new flow files appear there). */
  folders: string[];
  /**
   * Every file the last load read or may have read: the config, every module it loaded (flows,
   * helpers wherever they are), the other files in a flow's or helper's folder (a prompt.txt it
   * reads), and the files diagnostics point at.
   */
  files: Set<string>;
  /**
   * Set while the last load was invalid: any module added or changed under this folder may be what
   * it lacked.
   */
  anyModuleUnder?: string;
}

/**
 * What the load actually read: the config, the modules the globs matched,
 * every project module they imported (the loader's module list, so helpers
 * outside the globs count and nothing is parsed), the non-module files beside
 * them, and the files diagnostics point at (a broken helper never reaches the
 * cache). A load with errors also makes any module under the root count: a
 * missing import may be created anywhere.
 */
export function watchPathsOf(
  project: Pick<LoadedProject, 'files' | 'configFile' | 'diagnostics' | 'config' | 'root'> &
    Partial<Pick<LoadedProject, 'modules'>>,
  loaded: readonly string[] = project.modules ?? [],
): WatchPaths {
  const modules = [...new Set([...project.files, ...loaded])].filter(
    (file) => file !== project.configFile,
  );
  const files = new Set<string>([...modules, ...siblingFiles(modules)]);
  if (project.configFile) files.add(project.configFile);
  for (const file of diagnosticFiles(project.diagnostics)) files.add(file);
  const folders = project.config.flows
    .filter((g) => !g.startsWith('!'))
    .map((g) => globBase(project.root, g));
  return {
    folders,
    files,
    ...(project.diagnostics.some((d) => d.severity === 'error')
      ? { anyModuleUnder: project.root }
      : {}),
  };
}

/**
 * An invalid load may have read less than the last one (a module that failed to parse): forget
 * nothing then.
 */
export function mergeWatchPaths(previous: WatchPaths | undefined, next: WatchPaths): WatchPaths {
  if (!previous) return next;
  return {
    ...next,
    folders: [...new Set([...previous.folders, ...next.folders])],
    files: new Set([...previous.files, ...next.files]),
  };
}

export function allPaths(paths: WatchPaths): string[] {
  return [
    ...paths.folders,
    ...paths.files,
    ...(paths.anyModuleUnder === undefined ? [] : [paths.anyModuleUnder]),
  ];
}

/**
 * Whether an event can change what a load returns: a known file, a module appearing or vanishing
 * under the globs, or any module while the code is invalid.
 */
export function isRelevant(paths: WatchPaths, event: { kind: string; path: string }): boolean {
  if (paths.files.has(event.path)) return true;
  if (!MODULE_FILE.test(event.path)) return false;
  if (paths.anyModuleUnder !== undefined && isInside(paths.anyModuleUnder, event.path)) return true;
  if (event.kind === 'change') return false;
  return paths.folders.some((folder) => isInside(folder, event.path));
}

/**
 * What the watcher skips: what flow discovery never reads (node_modules
 * anywhere, .runtype at the root, type declarations and tests) plus .git at
 * the root — but never a file the last load read (`read`), whatever its name.
 */
export function ignoredIn(
  root: string,
  read: () => ReadonlySet<string> = () => new Set(),
): (file: string) => boolean {
  const roots = [...new Set([path.resolve(root), realPath(root)])];
  return (file) => {
    if (read().has(file)) return false;
    const under = roots
      .map((r) => path.relative(r, file))
      .find((relative) => !relative.startsWith('..') && !path.isAbsolute(relative));
    const segments = (under ?? file).split(path.sep);
    if (under !== undefined && IGNORED_AT_ROOT.has(segments[0] ?? '')) return true;
    if (
      segments.some((segment) => (NEVER_FLOW_FILES.folders as readonly string[]).includes(segment))
    )
      return true;
    return NEVER_FLOW_FILES.endings.some((ending) => file.endsWith(ending));
  };
}

/**
 * A path as shown in `changed`: relative to the root, or to its real path for a file reached
 * through it (a symlinked root).
 */
export function displayPath(root: string, file: string): string {
  for (const base of [path.resolve(root), realPath(root)])
    if (isInside(base, file)) return path.relative(base, file);
  return path.relative(root, file) || file;
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

/**
 * The other files in the folders of these modules: what a flow reads while it loads
 * (`readFile(new URL('./prompt.txt', import.meta.url))`, a JSON import) usually sits there.
 */
function siblingFiles(modules: readonly string[]): string[] {
  const files: string[] = [];
  for (const folder of new Set(modules.map((m) => path.dirname(m)))) {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue; // gone since the load
    }
    for (const entry of entries)
      if (
        entry.isFile() &&
        !MODULE_FILE.test(entry.name) &&
        !NOT_READ.test(entry.name) &&
        entry.name !== SHARED_LOCKFILE_NAME
      )
        files.push(path.join(folder, entry.name));
  }
  return files;
}

function diagnosticFiles(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.flatMap((d) => (d.file ? [d.file] : []));
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
