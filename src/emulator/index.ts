/**
 * Local Runtype API emulator: a faithful, stateful stand-in for the flows part of the API
 * (see assumptions.ts for every unconfirmed guess), with fault injection and optional
 * persistence. Used as the embedded default environment, the test double and the benchmark
 * target.
 *
 *   const emu = await startEmulator();
 *   // emu.url    = 'http://127.0.0.1:54321'     <- base WITHOUT /v1 (like RUNTYPE_API_URL)
 *   // emu.apiUrl = 'http://127.0.0.1:54321/v1'
 *   // emu.key    = 'rt_test_local_emulator'     <- local, not a secret
 *   await emu.close();
 *
 * Faults (`options.faults`, `emu.setFaults`) apply to every authenticated request, decided
 * before routing; see faults.ts. Unconfirmed API behaviour is listed in assumptions.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_BODY_LIMIT_BYTES, DEFAULT_LOCAL_KEY, DEFAULT_USER_ID } from './assumptions.js';
import { FaultInjector } from './faults.js';
import type { FaultConfig, FaultOptions } from './faults.js';
import { RequestLog } from './request-log.js';
import type { RequestLogEntry } from './request-log.js';
import { createRequestListener } from './server.js';
import { createStateApi } from './state-api.js';
import type { EmulatorState } from './state-api.js';
import { loadStateFile, StateWriter } from './state-file.js';
import { FlowStore } from './store.js';

export { DEFAULT_LOCAL_KEY } from './assumptions.js';
export type { FaultConfig, FaultKind, FaultOptions } from './faults.js';
export type { RequestLogEntry } from './request-log.js';
export type { EmulatorState } from './state-api.js';
export type { FlowDto, FlowInput, FlowPatch, FlowSummaryDto, PaginationDto, StepDto } from './types.js';

export interface EmulatorOptions {
  /** Default 0 (a free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The accepted Bearer key. Default `rt_test_local_emulator` (not a secret). */
  key?: string;
  /** JSON file to load at start and keep updated (atomic, coalesced writes). Default: memory only. */
  statePath?: string;
  /** Minimum interval between state-file rewrites, in ms. Default 50. */
  persistIntervalMs?: number;
  /** Request bodies above this many bytes are 413. Default 1 MiB. */
  bodyLimitBytes?: number;
  /** Initial fault injection (none by default). */
  faults?: FaultOptions;
  /** The request log keeps at least this many recent entries. Default 10,000; 0 disables it. */
  requestLogLimit?: number;
  /** Keep parsed request bodies in the log. Default true. */
  logBodies?: boolean;
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
  /** Direct state access (no HTTP, no faults, not logged). */
  readonly state: EmulatorState;
  /** A copy of the request log, oldest first. */
  readonly requests: RequestLogEntry[];
  clearRequests(): void;
  /** Merges fault settings (validated; throws RangeError). A `seed` restarts the PRNG. */
  setFaults(faults: FaultOptions): void;
  /** Turns every fault off (keeps the seed, restarts its sequence). */
  clearFaults(): void;
  /** The current fault settings. */
  faults(): FaultConfig;
  /** Writes pending state to the state file now (no-op in memory mode). */
  flush(): Promise<void>;
  /** Stops listening, drops open connections, flushes state. Idempotent. */
  close(): Promise<void>;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const key = options.key ?? DEFAULT_LOCAL_KEY;
  const now = options.now ?? Date.now;
  let baseUrl = '';
  let writer: StateWriter | null = null;
  const store = new FlowStore({ now, userId: options.userId ?? DEFAULT_USER_ID, onChange: () => writer?.schedule() });
  if (options.statePath !== undefined) {
    store.load(await loadStateFile(options.statePath));
    writer = new StateWriter(options.statePath, options.persistIntervalMs ?? 50, () => store.snapshot());
  }
  const faults = new FaultInjector(options.faults);
  const log = new RequestLog(options.requestLogLimit ?? 10_000);
  const server = createServer(
    { keepAlive: true },
    createRequestListener({
      store,
      faults,
      log,
      key,
      bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
      logBodies: options.logBodies ?? true,
      now,
      baseUrl: () => baseUrl,
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${urlHost(host)}:${port}`;

  let closing: Promise<void> | null = null;
  const close = async (): Promise<void> => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    if (writer !== null) {
      await writer.flush();
      if (writer.error !== null) throw writer.error;
    }
  };

  return {
    url: baseUrl,
    apiUrl: `${baseUrl}/v1`,
    key,
    port,
    host,
    state: createStateApi(store, () => baseUrl),
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
