import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

export type FileEventKind = 'add' | 'change' | 'unlink';

/** One file that changed during a burst: the last kind seen for it wins. */
export interface FileEvent {
  kind: FileEventKind;
  /** Absolute path. */
  path: string;
}

export interface WatchProjectOptions {
  /** Files and directories to watch (absolute); a directory is watched recursively. */
  paths: readonly string[];
  /** Paths never to report or descend into (node_modules, .git, ...). */
  ignored: (file: string) => boolean;
  /** Quiet time after the last event before the burst is reported. */
  debounceMs: number;
  onChange: (events: FileEvent[]) => void;
  onError?: (error: Error) => void;
}

/** What the app holds: more paths as the project grows, and close at the end. */
export interface ProjectWatcher {
  /**
   * Watch these paths too (those already covered are skipped); resolves once they are watched.
   * Never unwatches: see below.
   */
  update(paths: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export type WatchProject = (options: WatchProjectOptions) => Promise<ProjectWatcher>;

/**
 * chokidar wiring and nothing else: paths in, debounced bursts of file events
 * out. Editors write a file several times per save (truncate, write, rename);
 * one burst is reported once, `debounceMs` after its last event. Resolves once
 * the initial scan is done, so a change made after that is never missed.
 *
 * Paths are only ever added: chokidar's unwatch puts a path on an ignore list
 * that later events under a watched directory would hit too (a deleted flow
 * file re-created would go unseen). A stale watched path costs an event the
 * app filters out. Each batch of added paths gets a chokidar instance of its
 * own: chokidar says when its first paths are ready but not when later ones
 * are, and the app must know (a save right after must be seen).
 */
export const watchProject: WatchProject = async (options) => {
  const watched = new Set<string>();
  const watchers: FSWatcher[] = [];
  const burst = new Map<string, FileEventKind>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const events = [...burst].map(([file, kind]) => ({ kind, path: file }));
    burst.clear();
    if (events.length > 0) options.onChange(events);
  };
  const onEvent = (kind: FileEventKind) => (file: string) => {
    burst.set(path.resolve(file), kind);
    clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs);
  };
  const start = async (paths: string[]): Promise<void> => {
    if (paths.length === 0) return;
    const watcher: FSWatcher = watch(paths, {
      ignoreInitial: true,
      ignored: (file: string) => options.ignored(path.resolve(file)),
      persistent: true,
    });
    watchers.push(watcher);
    watcher
      .on('add', onEvent('add'))
      .on('change', onEvent('change'))
      .on('unlink', onEvent('unlink'));
    // chokidar stops watching a file it was given by name once it is deleted; a helper
    // restored later (a branch switch, an editor that deletes before writing) must still count.
    watcher.on('unlink', (file: string) => {
      if (watched.has(path.resolve(file))) watcher.add(path.resolve(file));
    });
    watcher.on('error', (error: unknown) =>
      options.onError?.(error instanceof Error ? error : new Error(String(error))),
    );
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  };

  await start(newPaths(options.paths, watched));
  return {
    update: (paths) => start(newPaths(paths, watched)),
    async close() {
      clearTimeout(timer);
      burst.clear();
      await Promise.all(watchers.map((w) => w.close()));
    },
  };
};

// --- internal ---

/**
 * The paths not yet covered by `watched` (itself or a watched folder above it); marks them watched.
 */
function newPaths(paths: readonly string[], watched: Set<string>): string[] {
  const added: string[] = [];
  // Folders first, so the files inside one given in the same call are recognised as covered.
  for (const candidate of [...paths]
    .map((p) => path.resolve(p))
    .sort((a, b) => a.length - b.length)) {
    if (isCovered(candidate, watched)) continue;
    watched.add(candidate);
    added.push(candidate);
  }
  return added;
}

function isCovered(file: string, watched: ReadonlySet<string>): boolean {
  for (let dir = file; ; dir = path.dirname(dir)) {
    if (watched.has(dir)) return true;
    if (path.dirname(dir) === dir) return false;
  }
}
