import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { API_ERROR_CODES, ApiError } from './errors.js';
import type { BaseUrl } from './base-url.js';
import { resolveProxyUrl, type ProxyOptions } from './proxy.js';

export interface DispatcherOptions {
  baseUrl: BaseUrl;
  concurrency: number;
  timeoutMs: number;
  proxy: ProxyOptions | undefined;
}

/**
 * One keep-alive pool per client. `connections` matches the concurrency limit
 * so queued requests reuse warm sockets instead of opening new ones.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { baseUrl, concurrency, timeoutMs } = options;
  const agentOptions = {
    connections: concurrency,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: { timeout: timeoutMs },
  };
  const url = new URL(baseUrl.origin);
  const proxyUrl = resolveProxyUrl(
    { protocol: url.protocol, hostname: url.hostname, port: url.port, loopback: baseUrl.loopback },
    options.proxy,
  );
  return proxyUrl === undefined
    ? new Agent(agentOptions)
    : new ProxyAgent({ ...agentOptions, uri: checkProxyUrl(proxyUrl) });
}

// --- internal ---

/**
 * `proxy.corp:3128` means http://proxy.corp:3128 (as in curl). Never echo it: it may hold
 * credentials.
 */
function checkProxyUrl(raw: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ApiError(
      API_ERROR_CODES.invalidUrl,
      'The proxy URL (HTTPS_PROXY / HTTP_PROXY) is not a valid URL',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ApiError(
      API_ERROR_CODES.invalidUrl,
      `The proxy URL must be http:// or https:// (got ${url.protocol})`,
    );
  }
  return withScheme;
}
