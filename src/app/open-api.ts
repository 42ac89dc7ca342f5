import type { Project } from '../load/index.js';
import type { ApiClient, ApiStats, RetryInfo } from '../api/index.js';
import type * as ApiModule from '../api/index.js';
import type { FlowWriter } from '../apply/ports.js';
import { emulatorStatePath } from '../state/index.js';
import type { AppContext } from './context.js';
import type { Target } from './target.js';
import { VERSION } from './version.js';

/** What apply writes through, plus the server-side checks (`validate --remote`, preflight). */
export type ConnectedApi = FlowWriter & Pick<ApiClient, 'validateFlow'>;

/** An API client opened for a target, and how to close it (with the embedded emulator). */
export interface OpenedApi {
  api: ConnectedApi;
  /** API base URL with /v1 (the emulator's is on 127.0.0.1 and a random port). */
  apiUrl: string;
  close: () => Promise<void>;
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

/**
 * The API a connection talks to: for an emulator environment the embedded emulator, started
 * in-process with its state under .runtype/; otherwise a client for the remote URL, its key
 * registered with the reporter so it can never be printed.
 */
export async function openApi(
  ctx: AppContext,
  project: Pick<Project, 'root' | 'config'>,
  target: Target,
  readOnly: boolean,
): Promise<OpenedApi> {
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
    const statePath = emulatorStatePath(project.root, target.environment);
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

// --- internal ---

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
