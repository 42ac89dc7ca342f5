import path from 'node:path';
import type { AppContext } from './context.js';
import type { Target } from './resolve-target.js';
import { VERSION } from './version.js';
import type { FlowWriter } from '../apply/ports.js';
import type { ApiClient, ApiStats } from '../api/index.js';

export interface Session {
  /** What apply writes through, plus the server-side checks (`validate --remote`, preflight). */
  api: FlowWriter & Pick<ApiClient, 'validateFlow'>;
  /** API base URL with /v1 (the emulator's is on 127.0.0.1 and a random port). */
  apiUrl: string;
  /** The URL the lock section is bound to (stable for the emulator, whose port changes). */
  lockUrl: string;
  close(): Promise<void>;
}

export interface SessionOptions {
  /**
   * The run never writes (plan, status, sync --dry-run): the embedded emulator then reads its
   * state file without locking it, so it works while a sync or `sync --watch` holds it, and
   * refuses writes. No effect on a remote API.
   */
  readOnly?: boolean;
  /** The config's extraStepTypes: the embedded emulator accepts the same types as `validate`. */
  extraStepTypes?: readonly string[];
}

/** The fixed identity of the embedded emulator in lock sections (its port changes per run). */
export const EMULATOR_LOCK_URL = 'emulator://local/v1';

/**
 * Connects to the target: for an emulator environment, starts the embedded
 * emulator in-process with its state under .runtype/; otherwise an API
 * client for the remote URL. The key is registered with the reporter so it
 * can never be printed.
 */
export async function openSession(ctx: AppContext, root: string, target: Target, concurrency: number, options: SessionOptions = {}): Promise<Session> {
  const { createApiClient } = await import('../api/index.js');
  const userAgent = `runtype-flows/${VERSION} node/${process.versions.node}`;
  if (target.kind === 'emulator') {
    const { startEmulator } = await import('../emulator/index.js');
    const statePath = path.join(root, '.runtype', 'emulator', `${target.environment}.json`);
    const emulator = await startEmulator({ statePath, readOnly: options.readOnly === true, extraStepTypes: options.extraStepTypes ?? [] });
    const api = createApiClient({ baseUrl: emulator.apiUrl, apiKey: emulator.key, userAgent, concurrency, ...(ctx.signal ? { signal: ctx.signal } : {}) });
    return {
      api,
      apiUrl: emulator.apiUrl,
      lockUrl: EMULATOR_LOCK_URL,
      close: async () => {
        logStats(ctx, api.stats());
        await api.close();
        await emulator.close();
      },
    };
  }
  ctx.reporter.addSecret(target.apiKey);
  const api = createApiClient({
    baseUrl: target.apiUrl,
    apiKey: target.apiKey,
    apiKeyEnv: target.apiKeyEnv,
    userAgent,
    concurrency,
    proxy: { httpsProxy: ctx.env.HTTPS_PROXY ?? ctx.env.https_proxy, httpProxy: ctx.env.HTTP_PROXY ?? ctx.env.http_proxy, noProxy: ctx.env.NO_PROXY ?? ctx.env.no_proxy },
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    onRetry: (info) => ctx.reporter.debug(`retry ${info.method} ${info.path} (attempt ${info.attempt}, ${info.reason}) in ${info.delayMs} ms`),
  });
  return {
    api,
    apiUrl: target.apiUrl,
    lockUrl: target.apiUrl,
    close: () => {
      logStats(ctx, api.stats());
      return api.close();
    },
  };
}

// --- internal ---

/** --verbose: what the run cost in requests, for tuning `concurrency` and spotting a flaky network. */
function logStats(ctx: AppContext, stats: ApiStats): void {
  ctx.reporter.debug(`API: ${stats.requests} request(s), ${stats.retries} retried, at most ${stats.inFlightMax} in flight`);
}
