import { InternalError } from '../errors.js';
import { findProject } from '../load/project/find-config.js';
import type { Project } from '../load/project/load-project.js';
import { hasErrors } from '../model/diagnostics.js';
import type { ProjectWatcher, WatchProject } from '../watch/watch-project.js';
import type { AppContext } from './context.js';
import { FatalWatchError, runCycle, type CycleState, type WatchOptions } from './watch-cycle.js';
import { changedDuringLoad, preciseNow } from './watch-catch-up.js';
import { allPaths, displayPath, ignoredIn, isRelevant, mergeWatchPaths, watchPathsOf, type WatchPaths } from './watch-paths.js';
import { closeWatchTarget } from './watch-target.js';

export type { WatchOptions } from './watch-cycle.js';

export interface WatchDeps {
  /** The file watcher (chokidar in the CLI; tests inject one that fires synthetic events). */
  watchProject: WatchProject;
  /** Editors write a file several times per save: one burst is one cycle. Default 75 ms. */
  debounceMs?: number;
}

export interface WatchSummary {
  cycles: number;
  /** 'interrupted': Ctrl-C, the normal end (exit 0); 'error': a fatal error was reported (exit 1). */
  reason: 'interrupted' | 'error';
}

/**
 * `sync --watch`: a full sync, then one cycle per burst of saves until Ctrl-C.
 * Cycles never overlap; changes that arrive during one are coalesced into a
 * single follow-up. A broken file or a failed request is reported and
 * watching goes on; only a target that cannot be opened or a lock state that
 * cannot be written ends it. Every event goes to `ctx.reporter.watch`.
 */
export async function runWatch(ctx: AppContext, options: WatchOptions, deps: WatchDeps): Promise<WatchSummary> {
  const signal = ctx.signal;
  if (!signal) throw new InternalError('runWatch needs ctx.signal: it runs until aborted');
  const state: CycleState = {};
  let watcher: ProjectWatcher | undefined;
  let paths: WatchPaths | undefined;
  /** Files and folders the watcher reports changes of from now on. */
  const watched = new Set<string>();
  let root = ctx.cwd;
  let loadStarted = 0;
  let fatal = false;
  let cycles = 0;
  let flows = 0;
  const queued = new Set<string>();
  let running: Promise<void> | undefined;
  let wake: () => void = () => undefined;
  const stop = new Promise<void>((resolve) => (wake = resolve));
  signal.addEventListener('abort', () => wake(), { once: true });
  if (signal.aborted) wake();

  const startWatcher = (initial: string[]) =>
    deps.watchProject({
      paths: initial,
      ignored: ignoredIn(root, () => paths?.files ?? new Set()),
      debounceMs: deps.debounceMs ?? 75,
      onChange,
      onError: (e) => ctx.reporter.warn(`watcher: ${e.message}`),
    });
  const follow = async (project: Project) => {
    const next = watchPathsOf(project);
    flows = project.flows.length;
    paths = hasErrors(project.diagnostics) ? mergeWatchPaths(paths, next) : next;
    const fresh = allPaths(paths).filter((p) => !watched.has(p));
    for (const p of fresh) watched.add(p);
    if (watcher) await watcher.update(allPaths(paths));
    else watcher = await startWatcher(allPaths(paths));
    const newFolders = paths.folders.some((folder) => fresh.includes(folder));
    for (const file of await changedDuringLoad(project, fresh.filter((p) => paths?.files.has(p)), loadStarted, newFolders)) queued.add(file);
  };
  const cycle = async (changed: string[]) => {
    cycles += 1;
    loadStarted = preciseNow();
    try {
      const event = await runCycle(ctx, options, state, changed, follow);
      if (event && !(signal.aborted && event.event === 'error')) ctx.reporter.watch(event);
    } catch (error) {
      if (signal.aborted && !(error instanceof FatalWatchError)) return; // the cycle was cut short by Ctrl-C: nothing to report
      fatal ||= error instanceof FatalWatchError;
      ctx.reporter.watch({ event: 'error', changed, error: error instanceof FatalWatchError ? error.cause : error, fatal: error instanceof FatalWatchError });
      if (fatal) wake();
    }
  };
  const schedule = () => {
    if (running || queued.size === 0 || signal.aborted || fatal) return;
    const changed = [...queued].map((file) => displayPath(root, file)).sort();
    queued.clear();
    running = cycle(changed).finally(() => {
      running = undefined;
      schedule();
    });
  };
  function onChange(events: { kind: string; path: string }[]): void {
    for (const event of events) if (!paths || isRelevant(paths, event)) queued.add(event.path);
    schedule();
  }

  try {
    root = findProject(ctx.cwd, ctx.configPath).root;
    running = cycle([]);
    await running;
    running = undefined;
    if (!fatal && !signal.aborted) {
      // A load that failed before reading anything: watch the whole project for the fix.
      watcher ??= await startWatcher([root]);
      ctx.reporter.watch({ event: 'ready', ...(state.open ? { target: state.open.info } : {}), flows, watching: paths ? allPaths(paths).length : 1 });
      schedule(); // saves made during the first cycle
      await stop;
    }
  } catch (error) {
    fatal = true;
    ctx.reporter.watch({ event: 'error', changed: [], error, fatal: true });
  } finally {
    await running;
    await watcher?.close();
    await closeWatchTarget(state.open).catch((error: unknown) => {
      fatal = true;
      ctx.reporter.watch({ event: 'error', changed: [], error, fatal: true });
    });
  }
  ctx.reporter.watch({ event: 'stopped', cycles, reason: fatal ? 'error' : 'interrupted' });
  return { cycles, reason: fatal ? 'error' : 'interrupted' };
}
