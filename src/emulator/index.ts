/**
 * Local Runtype API emulator: a faithful, stateful stand-in for the flows part of the API as
 * the vendored OpenAPI document describes it (openapi/runtype-flows.openapi.json; every guess
 * beyond it is in assumptions.ts), with fault injection and optional
 * persistence. It also runs flows (POST /v1/dispatch, openapi/runtype-dispatch.openapi.json:
 * execute/ is the executor, dispatch/ the route). Used as the embedded default environment, the
 * test double and the benchmark target.
 *
 *   const emu = await startEmulator();
 *   // emu.url    = 'http://127.0.0.1:54321'     <- base WITHOUT /v1 (like RUNTYPE_API_URL)
 *   // emu.apiUrl = 'http://127.0.0.1:54321/v1'
 *   // emu.key    = 'rt_test_local_emulator'     <- local, not a secret
 *   await emu.close();
 *
 * Faults (`options.faults`, `emu.setFaults`) apply to every request that passes auth (or those
 * of the `methods` / `pathPrefixes` given), decided before the handler; see faults.ts. Unconfirmed
 * API
 * behaviour is listed in assumptions.ts.
 */
import { createServer } from 'node:http';
import type { RuntypeError } from '../errors.js';
import { DEFAULT_BODY_LIMIT_BYTES, DEFAULT_LOCAL_KEY, DEFAULT_USER_ID } from './assumptions.js';
import type { ExecuteLimits } from './execute/limits.js';
import { ScriptSandbox } from './execute/sandbox/sandbox.js';
import { FaultInjector } from './faults.js';
import type { Reading } from './assumptions.js';
import { readingRules } from './readings.js';
import type { FaultConfig, FaultOptions } from './faults.js';
import { assertLoopbackHost, listen } from './listen.js';
import { RequestLog } from './request-log.js';
import type { RequestLogEntry } from './request-log.js';
import { createRequestListener } from './server.js';
import type { ResponseInfo } from './server.js';
import { createStateApi } from './state-api.js';
import type { EmulatorState } from './state-api.js';
import { loadStateFile } from './state-file.js';
import { lockStateFile } from './state-lock.js';
import type { StateLock } from './state-lock.js';
import { StateWriter } from './state-writer.js';
import { acceptedStepTypes } from './step-types.js';
import { FlowStore } from './store.js';

export { DEFAULT_LOCAL_KEY, OPEN_POINTS, READING_NAMES } from './assumptions.js';
export type { OpenPoint, Reading } from './assumptions.js';
export { parseReading, READING_ENV_VAR, readingFromEnv } from './readings.js';
export type { FaultConfig, FaultKind, FaultOptions } from './faults.js';
export type { RequestLogEntry } from './request-log.js';
export type { ResponseInfo } from './server.js';
export type { EmulatorState } from './state-api.js';
export { STEP_TYPES } from './step-types.js';
export type {
  FlowDto,
  FlowInput,
  FlowPatch,
  FlowSummaryDto,
  PaginationDto,
  StepDto,
} from './types.js';

export interface EmulatorOptions {
  /** Default 0 (a free port). */
  port?: number;
  /** Default 127.0.0.1. Only loopback addresses are accepted (EMULATOR_HOST_NOT_LOOPBACK). */
  host?: string;
  /** The accepted Bearer key. Default `rt_test_local_emulator` (not a secret). */
  key?: string;
  /**
   * JSON file to load at start and keep updated (atomic, coalesced writes). Default: memory
   * only. Held with `<statePath>.lock` while running (a second emulator gets
   * EMULATOR_STATE_LOCKED);
   * an unusable file is refused with EMULATOR_STATE_INVALID and never overwritten.
   */
  statePath?: string;
  /**
   * For runs that only read (plan, status, sync --dry-run), so they work while a sync holds the
   * file: `statePath` is loaded once (a writer replacing it meanwhile is fine: saves are atomic
   * renames, so the read sees one whole version), no lock is taken and the file is never
   * written. HTTP writes are refused (405 EMULATOR_READ_ONLY); `emu.state` changes stay in
   * memory. The writer's later saves are not seen.
   */
  readOnly?: boolean;
  /** Minimum interval between state-file rewrites, in ms. Default 50. */
  persistIntervalMs?: number;
  /** Request bodies above this many bytes are 413. Default 1 MiB. */
  bodyLimitBytes?: number;
  /** Initial fault injection (none by default). */
  faults?: FaultOptions;
  /** The request log keeps at least this many recent entries. Default 10,000; 0 disables it. */
  requestLogLimit?: number;
  /**
   * Keep parsed request bodies in the log. Default: only for a memory-only emulator (a test
   * double, whose tests may inspect them); one with a `statePath` (the embedded default, a
   * foreground server) keeps none, since nothing reads them there.
   */
  logBodies?: boolean;
  /** With `logBodies`, the log holds about this many bytes of bodies at most. Default 16 MiB. */
  requestLogBodyBytes?: number;
  /**
   * Receives problems that happen in the background, e.g. a failed state-file save. Default: none.
   */
  onError?: (error: RuntypeError) => void;
  /**
   * Step types accepted besides the API's closed list (for when the real API moves ahead of the
   * library; the CLI passes its config's `extraStepTypes`). Default none.
   */
  extraStepTypes?: readonly string[];
  /** Bounds of the flows POST /v1/dispatch runs (execute/limits.ts has the defaults). */
  dispatchLimits?: Partial<ExecuteLimits>;
  /**
   * Test hook: called with every answer sent (not with resets or dropped connections), e.g. to
   * check it against the OpenAPI document (test/contract/checked-emulator.ts). Must not throw.
   */
  onResponse?: (info: ResponseInfo) => void;
  /**
   * Which answer to give to each point the API document leaves open (assumptions.ts, OPEN_POINTS):
   * 'first' (the default) or 'second', which answers every such point the other way the document
   * allows. The tool must work under both; the integration suites run under both.
   */
  reading?: Reading;
  /** `userId` reported on flows. */
  userId?: string;
  /** Clock (ms since epoch) for timestamps. Default Date.now. */
  now?: () => number;
}

export interface Emulator {
  /** Base URL WITHOUT `/v1`, e.g. `http://127.0.0.1:54321` (what RUNTYPE_API_URL holds). */
  readonly url: string;
  /** `url + '/v1'`. */
  readonly apiUrl: string;
  /** The accepted API key (local, not a secret). */
  readonly key: string;
  readonly port: number;
  readonly host: string;
  /** The reading it answers the document's open points with. */
  readonly reading: Reading;
  /** Direct state access (no HTTP, no faults, not logged). */
  readonly state: EmulatorState;
  /**
   * A copy of the request log, in the order requests were handled (an entry is added once its
   * answer is written, or its connection dropped; `at` is when it arrived).
   */
  readonly requests: RequestLogEntry[];
  clearRequests(): void;
  /** Merges fault settings (validated; throws RangeError). A `seed` restarts the PRNG. */
  setFaults(faults: FaultOptions): void;
  /** Turns every fault off (keeps the seed, restarts its sequence). */
  clearFaults(): void;
  /** The current fault settings. */
  faults(): FaultConfig;
  /** Writes pending state to the state file now (no-op in memory and read-only mode). */
  flush(): Promise<void>;
  /**
   * Stops listening, drops open connections (a request still in flight is not applied),
   * flushes state, releases the state file. Nothing changes or is written afterwards.
   * Rejects with the save error if the last flush failed. Idempotent.
   */
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const requestedHost = options.host ?? '127.0.0.1';
  assertLoopbackHost(requestedHost);
  const key = options.key ?? DEFAULT_LOCAL_KEY;
  const now = options.now ?? Date.now;
  // Throws on bad settings before anything is locked.
  const faults = new FaultInjector(options.faults);
  let baseUrl = '';
  let closed = false;
  let writer: StateWriter | null = null;
  let lock: StateLock | null = null;
  const readOnly = options.readOnly === true;
  const stepTypes = acceptedStepTypes(options.extraStepTypes);
  // One script sandbox (a worker, started on the first script) for every run of this emulator.
  const sandbox = new ScriptSandbox();
  const rules = readingRules(options.reading);
  const store = new FlowStore({
    now,
    userId: options.userId ?? DEFAULT_USER_ID,
    onChange: () => writer?.schedule(),
    rules,
  });
  const log = new RequestLog({
    limit: options.requestLogLimit ?? 10_000,
    bodies: options.logBodies ?? options.statePath === undefined,
    maxBodyBytes: options.requestLogBodyBytes ?? 16 * 1024 * 1024,
  });
  const server = createServer(
    { keepAlive: true },
    createRequestListener({
      store,
      faults,
      log,
      key,
      bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
      now,
      baseUrl: () => baseUrl,
      isClosed: () => closed,
      readOnly,
      stepTypes,
      dispatch: { now, sandbox, limits: options.dispatchLimits ?? {} },
      rules,
      ...(options.onResponse === undefined ? {} : { onResponse: options.onResponse }),
    }),
  );
  let bound;
  try {
    if (options.statePath !== undefined) {
      // Read-only takes no lock and has no writer, so it can share the file with the emulator
      // holding it.
      if (!readOnly) lock = await lockStateFile(options.statePath);
      store.load(await loadStateFile(options.statePath));
      if (!readOnly)
        writer = new StateWriter(
          options.statePath,
          options.persistIntervalMs ?? 50,
          () => store.snapshot(),
          options.onError,
        );
    }
    bound = await listen(server, options.port ?? 0, requestedHost);
  } catch (error) {
    await lock?.release();
    throw error;
  }
  baseUrl = `http://${bound.urlHost}:${bound.port}`;

  const close = async (): Promise<void> => {
    closed = true;
    store.seal();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    try {
      await writer?.flush();
    } finally {
      writer?.stop();
      await sandbox.close();
      await lock?.release();
    }
  };
  let closing: Promise<void> | null = null;

  return {
    url: baseUrl,
    apiUrl: `${baseUrl}/v1`,
    key,
    port: bound.port,
    host: bound.address,
    reading: rules.reading,
    state: createStateApi(store, () => baseUrl, stepTypes),
    get requests() {
      return log.snapshot();
    },
    clearRequests: () => log.clear(),
    setFaults: (f) => faults.set(f),
    clearFaults: () => faults.clear(),
    faults: () => faults.config,
    flush: async () => {
      await writer?.flush();
    },
    close: () => (closing ??= close()),
  };
}
