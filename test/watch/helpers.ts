import type { AppContext } from '../../src/app/context.js';
import type { WatchOptions } from '../../src/app/watch/cycle.js';
import { runWatch, type WatchSummary } from '../../src/app/watch/run-watch.js';
import type {
  FileEvent,
  WatchProject,
  WatchProjectOptions,
} from '../../src/file-watch/watch-project.js';
import { SENTINEL_KEY } from '../helpers/emulator-project.js';
import { testContext } from '../helpers/app-context.js';

/**
 * A watcher the test drives: it records what it was asked to watch and fires events on demand —
 * any path, watched or ignored or not. Tests of the loop's logic use it; whether a save is seen
 * at all takes real chokidar (chokidar-watch.test.ts).
 */
export interface FakeWatcher {
  watchProject: WatchProject;
  /** Every path ever passed in (start or update). */
  paths(): Set<string>;
  fire(...events: FileEvent[]): void;
  ignored(file: string): boolean;
  closed(): boolean;
}

export function createFakeWatcher(): FakeWatcher {
  let options: WatchProjectOptions | undefined;
  const paths = new Set<string>();
  let closed = false;
  return {
    watchProject: (o) => {
      options = o;
      for (const p of o.paths) paths.add(p);
      return Promise.resolve({
        update: (more) => {
          for (const p of more) paths.add(p);
          return Promise.resolve();
        },
        close: () => {
          closed = true;
          return Promise.resolve();
        },
      });
    },
    paths: () => paths,
    fire: (...events) => {
      if (!options) throw new Error('the watcher was not started');
      options.onChange(events);
    },
    ignored: (file) => options?.ignored(file) ?? false,
    closed: () => closed,
  };
}

/** A parsed NDJSON event (the members the tests read). */
export interface Event {
  schemaVersion: number;
  event: string;
  full?: boolean;
  ok?: boolean;
  changed?: string[];
  flows?: number;
  outcomes?: { key: string; status: string; action: string; kind: string; reason?: string }[];
  counts?: Record<string, number>;
  diagnostics?: { severity: string; code: string; file?: string; line?: number; message: string }[];
  error?: { code: string; message: string };
  fatal?: boolean;
  reason?: string;
  cycles?: number;
  durationMs?: number;
}

export interface WatchRun {
  /** Every event so far, parsed from the NDJSON on stdout. */
  events: Event[];
  stdout(): string;
  stderr(): string;
  /** Resolves with the next event (after `after` events) that matches. */
  next(predicate: (e: Event) => boolean, after?: number): Promise<Event>;
  stop(): Promise<WatchSummary>;
  done: Promise<WatchSummary>;
}

/**
 * Starts runWatch in `root` with --json output captured and parsed line by
 * line; the watcher is a fake one (tests) or chokidar (the benchmark).
 */
export function startWatch(
  root: string,
  watcher: { watchProject: WatchProject },
  options: WatchOptions = {},
  debounceMs = 0,
  context: { env?: Record<string, string>; verbose?: boolean } = {},
): WatchRun {
  let stdout = '';
  let stderr = '';
  const events: Event[] = [];
  const waiters: (() => void)[] = [];
  const out = {
    write: (s: string) => {
      stdout += s;
      for (const line of s.split('\n').filter(Boolean)) events.push(JSON.parse(line) as Event);
      for (const wake of waiters.splice(0)) wake();
    },
    isTTY: false,
  };
  const err = { write: (s: string) => (stderr += s), isTTY: false };
  const controller = new AbortController();
  const ctx: AppContext = testContext(root, {
    env: { RUNTYPE_API_KEY: SENTINEL_KEY, ...context.env },
    json: true,
    verbose: context.verbose === true,
    stdout: out,
    stderr: err,
    signal: controller.signal,
  });
  // The test projects target an emulator through a URL environment, whose section is shared.
  const watchOptions = { allowShared: true, ...options };
  const done = runWatch(ctx, watchOptions, { watchProject: watcher.watchProject, debounceMs });
  const next = async (predicate: (e: Event) => boolean, after = 0): Promise<Event> => {
    for (;;) {
      const found = events.slice(after).find(predicate);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return {
    events,
    stdout: () => stdout,
    stderr: () => stderr,
    next,
    done,
    stop: () => {
      controller.abort(new Error('interrupted'));
      return done;
    },
  };
}
