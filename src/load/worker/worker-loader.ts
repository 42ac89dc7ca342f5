import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InternalError, RuntypeError } from '../../errors.js';
import type { LoadedConfig } from '../project/load-config.js';
import { locateProject } from '../project/locate-project.js';
import type { ResolvedConfig } from '../../model/config.js';
import type {
  LoadedProject,
  LoadRequest,
  PrefetchRequest,
  ProjectLoader,
} from '../project/project-loader.js';
import { DEFAULT_LOAD_DEADLINE, type LoadDeadline } from './load-deadline.js';
import { takeStandbyWorker } from './standby-worker.js';
import type { FromWorker, WorkerRequest } from './protocol.js';

export interface WorkerLoaderOptions {
  /** RUNTYPE_LOAD_TIMEOUT_MS when set: it beats the config's loadTimeoutMs. */
  envDeadline?: LoadDeadline;
  /** Where what user code prints goes (the CLI's stderr: stdout carries --json documents). */
  userOutput: (text: string) => void;
  /** Abort (Ctrl-C, SIGTERM): a load under way ends at once, its worker terminated. */
  signal?: AbortSignal;
}

/**
 * The built worker entry, or undefined when running from TypeScript sources (vitest), where a
 * worker cannot start: the caller then loads in-thread (project/in-thread-loader.ts).
 */
export function builtWorkerEntry(): URL | undefined {
  const url = new URL('./loader-worker.js', import.meta.url);
  return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * Loads the project in a worker thread, so this thread stays free to enforce
 * the deadline and to answer signals whatever user code does. One worker
 * serves every load of a process (watch mode keeps its module cache: a save
 * re-reads only what changed); a worker that timed out or died is replaced
 * on the next load. Idle, it does not keep the process alive.
 */
export function createWorkerLoader(entry: URL, options: WorkerLoaderOptions): ProjectLoader {
  let worker: Worker | undefined;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();
  /** The request under way: the worker's messages and its end are routed to it. */
  let active: ((message: FromWorker | { kind: 'gone'; why: string }) => void) | undefined;

  const start = (): Worker => {
    const created = takeStandbyWorker(entry) ?? new Worker(entry, { stdout: true });
    created.stdout.setEncoding('utf8');
    created.stdout.on('data', (text: string) => options.userOutput(text));
    // Only the current worker speaks to the request under way: one that was replaced (timed out,
    // crashed) may still send or end after the next load started.
    const current = () => worker === created;
    created.on('message', (message: FromWorker) => {
      if (!current()) return;
      // A timer a module left behind threw between loads: nobody to tell, but the worker's state
      // is unknown now, so the next load gets a fresh one.
      if (message.kind === 'crashed' && active === undefined) stop();
      active?.(message);
    });
    created.on('error', (error) => {
      if (!current()) return;
      worker = undefined;
      active?.({ kind: 'gone', why: `it threw ${error.message} outside an import` });
    });
    created.on('exit', (code) => {
      if (!current()) return;
      worker = undefined;
      active?.({ kind: 'gone', why: `the loader thread stopped (exit code ${code})` });
    });
    return created;
  };
  const stop = (): void => {
    const ending = worker;
    worker = undefined;
    void ending?.terminate();
  };

  /** One request at a time, each behind the deadline and the abort signal. */
  const ask = <T>(
    cwd: string,
    message: WorkerRequest,
    done: (reply: FromWorker) => T | undefined,
    onConfigRead?: (config: ResolvedConfig | undefined) => void,
  ): Promise<T> => {
    const run = (): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        options.signal?.throwIfAborted();
        const current = (worker ??= start());
        current.ref();
        const id = nextId++;
        const started = Date.now();
        let deadline = options.envDeadline ?? DEFAULT_LOAD_DEADLINE;
        let importing: string | undefined;
        let timer: NodeJS.Timeout | undefined;
        const finish = (outcome: () => void): void => {
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
          active = undefined;
          current.unref();
          outcome();
        };
        const arm = (): void => {
          clearTimeout(timer);
          timer = setTimeout(onTimeout, Math.max(0, started + deadline.ms - Date.now()));
        };
        const onTimeout = (): void => {
          stop();
          finish(() => reject(timedOut(cwd, importing, deadline)));
        };
        const onAbort = (): void => {
          stop();
          const reason: unknown = options.signal?.reason;
          finish(() => reject(reason instanceof Error ? reason : new Error('interrupted')));
        };
        active = (reply) => {
          if (reply.kind === 'started') arm();
          else if (reply.kind === 'module') importing = reply.file;
          else if (reply.kind === 'config-read') {
            onConfigRead?.(reply.config);
            if (options.envDeadline === undefined && reply.loadTimeoutMs !== undefined) {
              const where = reply.configFile ? path.basename(reply.configFile) : 'the config';
              deadline = { ms: reply.loadTimeoutMs, from: `loadTimeoutMs in ${where}` };
              arm();
            }
          } else if (reply.kind === 'crashed') {
            stop();
            finish(() => reject(crashed(cwd, importing, reply.message)));
          } else if (reply.kind === 'gone') {
            finish(() => reject(stopped(cwd, importing, reply.why)));
          } else if (reply.id === id) {
            if (reply.kind === 'failed') {
              const { code = 'LOAD_FAILED', message, hint } = reply.error;
              finish(() => reject(new RuntypeError(code, message, hint ? { hint } : {})));
            } else {
              const value = done(reply);
              finish(() =>
                value === undefined
                  ? reject(
                      new InternalError(`the loader answered ${reply.kind} to ${message.kind}`),
                    )
                  : resolve(value),
              );
            }
          }
        };
        options.signal?.addEventListener('abort', onAbort, { once: true });
        current.postMessage({ ...message, id });
      });
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };

  /** The project as the worker sends it (not yet located), telling its config as soon as read. */
  const askProject = (
    request: Omit<LoadRequest, 'locations'>,
    onConfigRead?: (config: ResolvedConfig | undefined) => void,
  ): Promise<LoadedProject> =>
    ask(
      request.cwd,
      { kind: 'project', request },
      (reply) => (reply.kind === 'project' ? reply.project : undefined),
      onConfigRead,
    );

  /** A load started before the command asked for it (prefetch), answered once. */
  let prefetched:
    | { key: string; project: Promise<LoadedProject>; config: Promise<ResolvedConfig | null> }
    | undefined;

  return {
    async loadProject(request: LoadRequest): Promise<LoadedProject> {
      const { locations, ...plain } = request;
      const early = prefetched;
      if (early && request.changed === undefined && early.key === prefetchKey(request)) {
        prefetched = undefined;
        return locateProject(await early.project, locations);
      }
      return locateProject(await askProject(plain), locations);
    },
    prefetch(request) {
      let tell: (config: ResolvedConfig | null) => void = () => undefined;
      const config = new Promise<ResolvedConfig | null>((resolve) => (tell = resolve));
      const project = askProject(request, (read) => tell(read ?? null));
      // A load that fails before the config is read tells no config; its error is the command's
      // to report when it asks for the project.
      project.then(
        () => tell(null),
        () => tell(null),
      );
      prefetched = { key: prefetchKey(request), project, config };
    },
    prefetchedConfig(request) {
      const early = prefetched;
      return early && early.key === prefetchKey(request)
        ? early.config
        : Promise.resolve(undefined);
    },
    loadConfig(configFile, root): Promise<LoadedConfig> {
      return ask(root, { kind: 'config', configFile, root }, (reply) =>
        reply.kind === 'config' ? reply.config : undefined,
      );
    },
    async close() {
      const ending = worker;
      worker = undefined;
      await ending?.terminate();
    },
  };
}

// --- internal ---

function prefetchKey(request: PrefetchRequest): string {
  return JSON.stringify([request.cwd, request.configPath ?? null]);
}

function timedOut(cwd: string, file: string | undefined, deadline: LoadDeadline): RuntypeError {
  const what = file === undefined ? 'loading the project' : path.relative(cwd, file) || file;
  return new RuntypeError(
    'LOAD_TIMEOUT',
    `${what} did not finish loading within ${deadline.ms} ms (${deadline.from}); ` +
      'nothing was changed',
    {
      hint:
        'A module that loops or awaits something that never settles while it is imported ' +
        'never finishes; if loading is only slow, raise loadTimeoutMs in the config or ' +
        'RUNTYPE_LOAD_TIMEOUT_MS.',
      ...(file === undefined ? {} : { meta: { file } }),
    },
  );
}

function crashed(cwd: string, file: string | undefined, message: string): RuntypeError {
  const during = file === undefined ? '' : ` (while loading ${path.relative(cwd, file) || file})`;
  return new RuntypeError(
    'LOAD_FAILED',
    `${message} was thrown outside any import, by a timer or callback user code started` +
      `${during}; nothing was changed`,
    {
      hint: 'A flow module runs when it is loaded; keep timers and callbacks out of it.',
      ...(file === undefined ? {} : { meta: { file } }),
    },
  );
}

function stopped(cwd: string, file: string | undefined, why: string): RuntypeError {
  const what = file === undefined ? 'the project' : path.relative(cwd, file) || file;
  return new RuntypeError('LOAD_FAILED', `loading ${what} failed: ${why}; nothing was changed`, {
    hint: 'A flow module runs when it is loaded; keep side effects (timers, exits) out of it.',
    ...(file === undefined ? {} : { meta: { file } }),
  });
}
