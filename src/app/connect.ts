import path from 'node:path';
import type { ApiClient, ApiStats, RetryInfo } from '../api/index.js';
import type * as ApiModule from '../api/index.js';
import type { FlowWriter, LockRecorder } from '../apply/ports.js';
import { InternalError } from '../errors.js';
import type { Project } from '../load/project/load-project.js';
import { openLockStore, readLockState, type LockStore } from '../state/index.js';
import type { AppContext } from './context.js';
import type { TargetInfo } from './results.js';
import { lockStoreOptions, targetInfo, type Target } from './target.js';
import { VERSION } from './version.js';

/**
 * How a run holds its target:
 * - 'offline': the lock state only (read without the writer lock); no API, no key.
 * - 'read-only' (plan, status, sync --dry-run, validate --remote): the lock state read without the
 *   writer lock, and the API — the embedded emulator opened read-only, so it works while a sync
 *   or `sync --watch` holds it, and refuses writes.
 * - 'write' (sync, sync --watch): the writer lock and lock store, then the API.
 */
export type ConnectMode = 'offline' | 'read-only' | 'write';

/** What apply writes through, plus the server-side checks (`validate --remote`, preflight). */
export type ConnectedApi = FlowWriter & Pick<ApiClient, 'validateFlow'>;

/** The lock state as the planner reads it: live in 'write' mode, as read at connect otherwise. */
export type LockView = Pick<LockStore, 'entries' | 'pendingCreates'>;

interface ConnectionBase {
  target: Target;
  /** Which account, for results; never the key. */
  info: TargetInfo;
  lock: LockView;
  /** Folds this run's journal into the lockfile ('write'); nothing to do otherwise. */
  commit(): Promise<void>;
  /** Disconnects, then releases the writer lock; what was not committed stays in the journal. */
  close(): Promise<void>;
}
export interface OfflineConnection extends ConnectionBase {
  mode: 'offline';
}
export interface ReadOnlyConnection extends ConnectionBase {
  mode: 'read-only';
  api: ConnectedApi;
}
export interface WriteConnection extends ConnectionBase {
  mode: 'write';
  api: ConnectedApi;
  /** Where apply makes each write durable as it happens. */
  recorder: LockRecorder;
}
export type Connection = OfflineConnection | ReadOnlyConnection | WriteConnection;
export type OnlineConnection = ReadOnlyConnection | WriteConnection;
type ConnectionIn<M extends ConnectMode> = Extract<Connection, { mode: M }>;

export interface ConnectOptions {
  /**
   * Read the lock state (default). `validate --remote` writes nothing and plans nothing: it does
   * not read it, so a section bound to another URL cannot fail it; `lock` then must not be used.
   */
  lockState?: boolean;
}

/**
 * Connects a run to its target, the same way for every use-case: the lock
 * state, then the API. For an emulator environment the embedded emulator is
 * started in-process with its state under .runtype/; otherwise an API client
 * for the remote URL, its key registered with the reporter so it can never
 * be printed. `sync` holds a connection for one run, `sync --watch` from its
 * first valid load to Ctrl-C.
 */
export async function connect<M extends ConnectMode>(
  ctx: AppContext,
  project: Pick<Project, 'root' | 'config'>,
  target: Target,
  mode: M,
  options: ConnectOptions = {},
): Promise<ConnectionIn<M>> {
  const connection: Connection =
    mode === 'write'
      ? await connectToWrite(ctx, project, target)
      : await connectToRead(ctx, project, target, mode === 'offline', options.lockState !== false);
  return connection as ConnectionIn<M>;
}

/** Adapts the lock store to what apply records as it goes. */
export function lockRecorder(store: LockStore): LockRecorder {
  return {
    recordIntent: (key, name, hash) => store.recordIntent({ key, name, hash }),
    recordWritten: (key, entry, op) =>
      op === 'created'
        ? store.recordCreated({ key, ...entry })
        : store.recordUpdated({ key, ...entry }),
    recordAttempt: (key, stateHash) => store.recordAttempt({ key, stateHash }),
    recordPublished: (key, hash, versionId) =>
      store.recordPublished({ key, hash, ...(versionId === undefined ? {} : { versionId }) }),
    recordPinned: (key, pin) => store.recordPinned({ key, pin }),
    recordDeleted: (key) => store.recordDeleted({ key }),
    recordForget: (key) => store.recordForget({ key }),
    trackedIds: () => new Set([...store.entries().values()].map((e) => e.id)),
  };
}

// --- internal ---

interface ApiSession {
  api: ConnectedApi;
  /** API base URL with /v1 (the emulator's is on 127.0.0.1 and a random port). */
  apiUrl: string;
  close: () => Promise<void>;
}

const nothing = (): Promise<void> => Promise.resolve();

/** Takes the writer lock (folding in, and saying what, an interrupted run left), then connects. */
type ProjectPart = Pick<Project, 'root' | 'config'>;

async function connectToWrite(
  ctx: AppContext,
  project: ProjectPart,
  target: Target,
): Promise<WriteConnection> {
  const store = await openLockStore(lockStoreOptions(project.root, target));
  let session: ApiSession;
  try {
    // Creates merely still in doubt are not news; records folded in from an interrupted run are.
    const { records } = store.recovered;
    if (records > 0) {
      ctx.reporter.info(`recovered ${records} journal record(s) from an interrupted run`);
    }
    session = await openApi(ctx, project, target, false);
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    mode: 'write',
    target,
    info: targetInfo(project.root, target, session.apiUrl),
    api: session.api,
    lock: store,
    recorder: lockRecorder(store),
    commit: async () => {
      await store.commit();
    },
    close: async () => {
      try {
        await session.close();
      } finally {
        await store.close();
      }
    },
  };
}

/**
 * Reads the lock state as the next sync will see it (lockfile plus journal, folded in memory), then
 * connects read-only.
 */
async function connectToRead(
  ctx: AppContext,
  project: ProjectPart,
  target: Target,
  offline: boolean,
  withLockState: boolean,
): Promise<OfflineConnection | ReadOnlyConnection> {
  const where = lockStoreOptions(project.root, target);
  const state = withLockState ? await readLockState(where) : undefined;
  const lock: LockView = state
    ? { entries: () => state.entries, pendingCreates: state.pendingCreates }
    : notRead();
  if (offline) {
    const info = targetInfo(project.root, target, undefined);
    return { mode: 'offline', target, info, lock, commit: nothing, close: nothing };
  }
  const session = await openApi(ctx, project, target, true);
  const info = targetInfo(project.root, target, session.apiUrl);
  const { api, close } = session;
  return { mode: 'read-only', target, info, api, lock, commit: nothing, close };
}

/** The API client's module, imported once: it brings undici (~140 ms to import). */
let apiModule: Promise<typeof ApiModule> | undefined;
const importApi = () => (apiModule ??= import('../api/index.js'));

/**
 * Starts importing the API client now, for a command that will connect once its project has
 * loaded: this thread only waits while the worker loads the flows, so the import costs nothing
 * there instead of coming after the load.
 */
export function preloadApiClient(): void {
  importApi().catch(() => undefined); // a failure surfaces where connect awaits it
}

async function openApi(
  ctx: AppContext,
  project: ProjectPart,
  target: Target,
  readOnly: boolean,
): Promise<ApiSession> {
  const { createApiClient } = await importApi();
  const { concurrency, extraStepTypes, requestTimeoutMs, maxRetryAfterMs } = project.config;
  const userAgent = `runtype-flows/${VERSION} node/${process.versions.node}`;
  const signal = ctx.signal ? { signal: ctx.signal } : {};
  // The config's network bounds (absent: the client's defaults, 30 s each).
  const bounds = {
    ...(requestTimeoutMs === undefined ? {} : { timeoutMs: requestTimeoutMs }),
    ...(maxRetryAfterMs === undefined ? {} : { retry: { maxRetryAfterMs } }),
  };
  if (target.kind === 'emulator') {
    const { startEmulator, READING_ENV_VAR, readingFromEnv } = await import('../emulator/index.js');
    const statePath = path.join(project.root, '.runtype', 'emulator', `${target.environment}.json`);
    // A testing knob (README): the integration suites run the embedded emulator under both readings.
    const reading = readingFromEnv(ctx.env[READING_ENV_VAR]);
    const emulator = await startEmulator({ statePath, readOnly, extraStepTypes, reading });
    const { apiUrl, key } = emulator;
    const api = createApiClient({
      baseUrl: apiUrl,
      apiKey: key,
      userAgent,
      concurrency,
      ...signal,
    });
    const close = async () => {
      logStats(ctx, api.stats());
      await api.close();
      await emulator.close();
    };
    return { api, apiUrl: emulator.apiUrl, close };
  }
  ctx.reporter.addSecret(target.apiKey);
  const { env } = ctx;
  const api = createApiClient({
    baseUrl: target.apiUrl,
    apiKey: target.apiKey,
    apiKeyEnv: target.apiKeyEnv,
    environment: target.environment,
    userAgent,
    concurrency,
    ...bounds,
    proxy: {
      httpsProxy: env.HTTPS_PROXY ?? env.https_proxy,
      httpProxy: env.HTTP_PROXY ?? env.http_proxy,
      noProxy: env.NO_PROXY ?? env.no_proxy,
    },
    ...signal,
    onRetry: (info) => reportRetry(ctx, info),
  });
  const close = () => {
    logStats(ctx, api.stats());
    return api.close();
  };
  return { api, apiUrl: target.apiUrl, close };
}

/**
 * A wait of a second or more (a rate limit, a server asking to come back) is said without
 * --verbose.
 */
const NOTICEABLE_WAIT_MS = 1000;

function reportRetry(ctx: AppContext, info: RetryInfo): void {
  const what = `${info.method} ${info.path} (${info.reason}, attempt ${info.attempt})`;
  if (info.delayMs >= NOTICEABLE_WAIT_MS) {
    ctx.reporter.info(`waiting ${Math.round(info.delayMs / 1000)} s before retrying ${what}`);
  } else {
    ctx.reporter.debug(`retry ${what} in ${info.delayMs} ms`);
  }
}

/**
 * --verbose: what the run cost in requests, for tuning `concurrency` and spotting a flaky network.
 */
function logStats(ctx: AppContext, stats: ApiStats): void {
  const { requests, retries, inFlightMax } = stats;
  const cost = `${requests} request(s), ${retries} retried, at most ${inFlightMax} in flight`;
  ctx.reporter.debug(`API: ${cost}`);
}

/** The lock state of a connection made without it: using it is a bug. */
function notRead(): LockView {
  const fail = (): never => {
    throw new InternalError('the lock state was not read for this connection (see lockState)');
  };
  return {
    entries: fail,
    get pendingCreates(): never {
      return fail();
    },
  };
}
