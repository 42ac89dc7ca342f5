import type { LoadedProject } from '../../load/index.js';
import { InternalError, RuntypeError } from '../../errors.js';
import { hasErrors } from '../../model/diagnostics.js';
import type { ProjectWatcher, WatchProject } from '../../file-watch/watch-project.js';
import type { AppContext } from '../context.js';
import { loadProjectOf, locateProject } from '../project.js';
import { changedDuringLoad, FileClock } from './catch-up.js';
import { runCycle, WATCH_SHARED_LOCK, type WatchOptions } from './cycle.js';
import {
  allPaths,
  displayPath,
  ignoredIn,
  isRelevant,
  mergeWatchPaths,
  watchPathsOf,
  type WatchPaths,
} from './paths.js';
import {
  closeWatchSession,
  FatalWatchError,
  newWatchSession,
  type WatchSession,
} from './session.js';

export interface WatchDeps {
  /** The file watcher (chokidar in the CLI; tests inject one that fires synthetic events). */
  watchProject: WatchProject;
  /** Editors write a file several times per save: one burst is one cycle. Default 75 ms. */
  debounceMs?: number;
}

export interface WatchSummary {
  cycles: number;
  /**
   * 'interrupted': Ctrl-C, the normal end (exit 0); 'error': a fatal error was reported (exit 1);
   * 'refused': the environment's lock section is shared and --allow-shared was not given (exit 2).
   */
  reason: 'interrupted' | 'error' | 'refused';
}

/**
 * The loop's own state: what is watched and what is queued. The session (cycle.ts) is what cycles
 * pass on.
 */
interface WatchLoop {
  session: WatchSession;
  root: string;
  watcher?: ProjectWatcher;
  /** What the last load read (see paths.ts); unset until a load read anything. */
  paths?: WatchPaths;
  /** Files and folders the watcher reports changes of from now on. */
  watched: Set<string>;
  /** Files changed since the running cycle began (they make the next one). */
  queued: Set<string>;
  running?: Promise<void>;
  /** When the running cycle's load began (sub-millisecond, as file times are). */
  loadStarted: number;
  cycles: number;
  /** Flows in the last load. */
  flows: number;
  fatal: boolean;
  refused: boolean;
  /** Flows this session created, by key (their remote id): listed at the end if their code left. */
  created: Map<string, string>;
  /** The flow keys of the last valid load. */
  keys: ReadonlySet<string>;
}

/**
 * `sync --watch`: a full sync, then one cycle per burst of saves until Ctrl-C.
 * Cycles never overlap; changes that arrive during one are coalesced into a
 * single follow-up. A broken file or a failed request is reported and
 * watching goes on; only a target that cannot be opened or a lock state that
 * cannot be written ends it. Every event goes to `ctx.reporter.watch`.
 */
export async function runWatch(
  ctx: AppContext,
  options: WatchOptions,
  deps: WatchDeps,
): Promise<WatchSummary> {
  const signal = ctx.signal;
  if (!signal) throw new InternalError('runWatch needs ctx.signal: it runs until aborted');
  const loop: WatchLoop = {
    session: newWatchSession(),
    root: ctx.cwd,
    watched: new Set(),
    queued: new Set(),
    loadStarted: 0,
    cycles: 0,
    flows: 0,
    fatal: false,
    refused: false,
    created: new Map(),
    keys: new Set(),
  };
  const clock = new FileClock();
  let wake: () => void = () => undefined;
  const stop = new Promise<void>((resolve) => (wake = resolve));
  signal.addEventListener('abort', () => wake(), { once: true });
  if (signal.aborted) wake();

  const startWatcher = (initial: string[]) =>
    deps.watchProject({
      paths: initial,
      ignored: ignoredIn(loop.root, () => loop.paths?.files ?? new Set()),
      debounceMs: deps.debounceMs ?? 75,
      onChange,
      onError: (e) => ctx.reporter.warn(`watcher: ${e.message}`),
    });

  /** Right after a load: watch what it read, and queue what changed while it ran. */
  const follow = async (project: LoadedProject) => {
    const next = watchPathsOf(project);
    loop.flows = project.flows.length;
    const paths = hasErrors(project.diagnostics) ? mergeWatchPaths(loop.paths, next) : next;
    loop.paths = paths;
    const fresh = allPaths(paths).filter((p) => !loop.watched.has(p));
    for (const p of fresh) loop.watched.add(p);
    if (loop.watcher) await loop.watcher.update(allPaths(paths));
    else loop.watcher = await startWatcher(allPaths(paths));
    const newFolders = paths.folders.some((folder) => fresh.includes(folder));
    const freshFiles = fresh.filter((p) => paths.files.has(p));
    const missed = await changedDuringLoad(project, freshFiles, loop.loadStarted, newFolders);
    for (const file of missed) loop.queued.add(file);
  };

  /** `files`: the absolute paths behind `changed`; only they (and their importers) are re-read. */
  const cycle = async (changed: string[], files?: readonly string[]) => {
    loop.cycles += 1;
    // The first load reads every file before the watcher covers any: its start must be exact.
    loop.loadStarted = await clock.now(loop.paths === undefined);
    const startedMs = ctx.now().getTime();
    let failed: { failure: unknown } | undefined;
    try {
      const project = await loadProjectOf(ctx, loop.session.locations, files);
      // Stopped while loading (a big project's first load): open nothing — no lock, no
      // connection, no emulator.
      if (signal.aborted) return;
      await follow(project);
      const result = await runCycle(ctx, options, loop.session, { project, changed, startedMs });
      loop.session = result.session;
      if ('event' in result) ctx.reporter.watch(result.event);
      else failed = result;
      if ('event' in result && result.event.event === 'cycle') {
        loop.keys = new Set(project.flows.map((f) => f.flow.key));
        for (const o of result.event.outcomes) {
          if (o.action === 'created' && o.remoteId !== undefined)
            loop.created.set(o.key, o.remoteId);
        }
      }
    } catch (failure) {
      failed = { failure };
    }
    if (!failed) return;
    const { failure } = failed;
    const fatal = failure instanceof FatalWatchError;
    if (signal.aborted && !fatal) return; // the cycle was cut short by Ctrl-C: nothing to report
    loop.fatal ||= fatal;
    const error = failure instanceof FatalWatchError ? failure.cause : failure;
    loop.refused ||= error instanceof RuntypeError && error.code === WATCH_SHARED_LOCK;
    ctx.reporter.watch({ event: 'error', changed, error, fatal });
    if (loop.fatal) wake();
  };

  const schedule = () => {
    if (loop.running || loop.queued.size === 0 || signal.aborted || loop.fatal) return;
    const files = [...loop.queued];
    const changed = files.map((file) => displayPath(loop.root, file)).sort();
    loop.queued.clear();
    loop.running = cycle(changed, files).finally(() => {
      loop.running = undefined;
      schedule();
    });
  };
  function onChange(events: { kind: string; path: string }[]): void {
    for (const event of events) {
      if (!loop.paths || isRelevant(loop.paths, event)) loop.queued.add(event.path);
    }
    schedule();
  }

  try {
    loop.root = locateProject(ctx).root;
    loop.running = cycle([]);
    await loop.running;
    loop.running = undefined;
    if (!loop.fatal && !signal.aborted) {
      // A load that failed before reading anything: watch the whole project for the fix.
      loop.watcher ??= await startWatcher([loop.root]);
      const target = loop.session.connection ? { target: loop.session.connection.info } : {};
      const watching = loop.paths ? allPaths(loop.paths).length : 1;
      ctx.reporter.watch({ event: 'ready', ...target, flows: loop.flows, watching });
      schedule(); // saves made during the first cycle
      await stop;
    }
  } catch (error) {
    loop.fatal = true;
    ctx.reporter.watch({ event: 'error', changed: [], error, fatal: true });
  } finally {
    await loop.running;
    await loop.watcher?.close();
    await clock.close().catch(() => undefined); // a temp folder: nothing to report
    await closeWatchSession(loop.session).catch((error: unknown) => {
      loop.fatal = true;
      ctx.reporter.watch({ event: 'error', changed: [], error, fatal: true });
    });
  }
  const reason = loop.refused ? 'refused' : loop.fatal ? 'error' : 'interrupted';
  const leftBehind = [...loop.created]
    .filter(([key]) => !loop.keys.has(key))
    .map(([key, remoteId]) => ({ key, remoteId }));
  const cleanup = leftBehind.length > 0 ? { leftBehind, cleanup: cleanupCommand(options) } : {};
  ctx.reporter.watch({ event: 'stopped', cycles: loop.cycles, reason, ...cleanup });
  return { cycles: loop.cycles, reason };
}

/**
 * What removes the remote flows a session created for code that is gone (with their lock entries).
 */
function cleanupCommand(options: WatchOptions): string {
  return [
    'runtype-flows sync --prune',
    ...(options.envName ? [`--env ${options.envName}`] : []),
  ].join(' ');
}
