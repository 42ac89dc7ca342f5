import { getMaxListeners, setMaxListeners } from 'node:events';
import { InternalError } from '../errors.js';
import { normalizeBaseUrl } from './base-url.js';
import { createDispatcher } from './dispatcher.js';
import { createFlowsApi, type FlowsApi } from './flows.js';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_TIMEOUT_MS,
  normalizeApiKey,
  positiveInt,
  resolveRetryPolicy,
  type ApiClientOptions,
} from './options.js';
import { createKeyRedactor } from './redact.js';
import { createSemaphore } from './semaphore.js';
import { createTransport, type ApiStats, type Transport } from './transport.js';

export interface ApiClient extends FlowsApi {
  /** `https://api.runtype.com/v1` — the normalised target, for display and lockfile sections. */
  readonly baseUrl: string;
  stats(): ApiStats;
  /** Closes the keep-alive pool (an injected dispatcher is left to its owner). */
  close(): Promise<void>;
}

/**
 * The Runtype REST client. Throws InsecureUrlError / API_INVALID_URL up front,
 * before a single byte (or the key) is sent anywhere.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const apiKey = normalizeApiKey(options.apiKey, options.apiKeyEnv);
  const concurrency = positiveInt(options.concurrency, DEFAULT_CONCURRENCY, 'concurrency');
  const timeoutMs = positiveInt(options.timeoutMs, DEFAULT_TIMEOUT_MS, 'timeoutMs');
  const policy = resolveRetryPolicy(options.retry);
  // Every queued or in-flight request and back-off sleep listens to the one run-wide
  // signal (thousands when a big sync is queued); each removes its listener when done.
  if (options.signal && getMaxListeners(options.signal) !== 0) setMaxListeners(0, options.signal);
  const ownsDispatcher = options.dispatcher === undefined;
  const dispatcher =
    options.dispatcher ??
    createDispatcher({ baseUrl, concurrency, timeoutMs, proxy: options.proxy });
  const transport = createTransport({
    baseUrl,
    apiKey,
    apiKeyEnv: options.apiKeyEnv,
    environment: options.environment,
    userAgent: options.userAgent,
    timeoutMs,
    policy,
    semaphore: createSemaphore(concurrency),
    dispatcher,
    redact: createKeyRedactor(apiKey),
    signal: options.signal,
    onRetry: options.onRetry,
  });

  let closed = false;
  // A closed pool fails like a dropped connection, which would mislabel a POST as
  // ambiguous; using the client after close() is a bug, so say so.
  const guarded: Transport = {
    send: (request) =>
      closed
        ? Promise.reject(new InternalError('API client used after close()'))
        : transport.send(request),
    stats: () => transport.stats(),
  };

  return {
    ...createFlowsApi(guarded, { onRetry: options.onRetry }),
    baseUrl: baseUrl.href,
    stats: () => transport.stats(),
    async close() {
      if (closed) return;
      closed = true;
      if (ownsDispatcher) await dispatcher.close();
    },
  };
}
