import type { Project } from '../load/index.js';
import type { LockRecorder } from '../apply/ports.js';
import { InternalError } from '../errors.js';
import { openLockStore, readLockState, type LockStore } from '../state/index.js';
import type { AppContext } from './context.js';
import { openApi, type ConnectedApi, type OpenedApi } from './open-api.js';
import type { TargetInfo } from './results.js';
import { lockAddress, targetInfo, type Target } from './target.js';

/**
 * How a run holds its target:
 * - 'offline': the lock state only (read without the writer lock); no API, no key.
 * - 'read-only' (plan, status, sync --dry-run, validate --remote): the lock state read without the
 *   writer lock, and the API — the embedded emulator opened read-only, so it works while a sync
 *   or `sync --watch` holds it, and refuses writes.
 * - 'write' (sync, sync --watch): the writer lock and lock store, then the API.
 */
export type ConnectMode = 'offline' | 'read-only' | 'write';

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
  /**
   * 'read-only': start listing the account at once, and answer the connection's first
   * `listFlows` from that listing: a connection opened while the flows load (plan and status,
   * see plan/listing-ahead.ts) then has the listing ready when the plan asks.
   */
  listAhead?: boolean;
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
      : await connectToRead(ctx, project, target, mode === 'offline', options);
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

const nothing = (): Promise<void> => Promise.resolve();

type ProjectPart = Pick<Project, 'root' | 'config'>;

/** Takes the writer lock (folding in, and saying what, an interrupted run left), then connects. */
async function connectToWrite(
  ctx: AppContext,
  project: ProjectPart,
  target: Target,
): Promise<WriteConnection> {
  const store = await openLockStore(lockAddress(project.root, target));
  let opened: OpenedApi;
  try {
    // Creates merely still in doubt are not news; records folded in from an interrupted run are.
    const { records } = store.recovered;
    if (records > 0) {
      ctx.reporter.info(`recovered ${records} journal record(s) from an interrupted run`);
    }
    opened = await openApi(ctx, project, target, false);
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    mode: 'write',
    target,
    info: targetInfo(project.root, target, opened.apiUrl),
    api: opened.api,
    lock: store,
    recorder: lockRecorder(store),
    commit: async () => {
      await store.commit();
    },
    close: async () => {
      try {
        await opened.close();
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
  options: ConnectOptions,
): Promise<OfflineConnection | ReadOnlyConnection> {
  const where = lockAddress(project.root, target);
  const state = options.lockState !== false ? await readLockState(where) : undefined;
  const lock: LockView = state
    ? { entries: () => state.entries, pendingCreates: state.pendingCreates }
    : notRead();
  if (offline) {
    const info = targetInfo(project.root, target, undefined);
    return { mode: 'offline', target, info, lock, commit: nothing, close: nothing };
  }
  const opened = await openApi(ctx, project, target, true);
  const info = targetInfo(project.root, target, opened.apiUrl);
  const api = options.listAhead === true ? listingAhead(opened.api) : opened.api;
  return { mode: 'read-only', target, info, api, lock, commit: nothing, close: opened.close };
}

/** The API, its listing started now; the first `listFlows` gets that listing, later ones ask. */
function listingAhead(api: ConnectedApi): ConnectedApi {
  const listing = api.listFlows();
  listing.catch(() => undefined); // awaited by the plan, which reports a failure as its own
  let first = true;
  const listFlows: ConnectedApi['listFlows'] = () => {
    if (!first) return api.listFlows();
    first = false;
    return listing;
  };
  return { ...api, listFlows };
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
