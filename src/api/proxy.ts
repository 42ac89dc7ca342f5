/**
 * Proxy choice for the one origin a client talks to. Decided here rather
 * than by undici's EnvHttpProxyAgent because that agent falls back to
 * process.env when an option is missing, and api/ must only obey its options.
 * Semantics follow curl: HTTPS_PROXY for https, HTTP_PROXY for http, NO_PROXY
 * as a comma/space list of hosts (suffix match, optional `:port`, `*` = all).
 */
export interface ProxyOptions {
  httpsProxy?: string;
  httpProxy?: string;
  noProxy?: string;
}

export interface ProxyTarget {
  protocol: string;
  hostname: string;
  port: string;
  loopback: boolean;
}

export function resolveProxyUrl(
  target: ProxyTarget,
  proxy: ProxyOptions | undefined,
): string | undefined {
  if (proxy === undefined || target.loopback) return undefined;
  const candidate = target.protocol === 'https:' ? proxy.httpsProxy : proxy.httpProxy;
  if (candidate === undefined || candidate.trim() === '') return undefined;
  if (isExcluded(target, proxy.noProxy ?? '')) return undefined;
  return candidate.trim();
}

// --- internal ---

const DEFAULT_PORTS: Record<string, string> = { 'https:': '443', 'http:': '80' };

function isExcluded(target: ProxyTarget, noProxy: string): boolean {
  const host = stripBrackets(target.hostname.toLowerCase());
  const port = target.port === '' ? (DEFAULT_PORTS[target.protocol] ?? '') : target.port;
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = parseEntry(raw.toLowerCase());
    if (entry === undefined) continue;
    if (entry.host === '*') return true;
    if (entry.port !== undefined && entry.port !== port) continue;
    if (host === entry.host || host.endsWith(`.${entry.host}`)) return true;
  }
  return false;
}

function parseEntry(raw: string): { host: string; port: string | undefined } | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  if (trimmed === '*') return { host: '*', port: undefined };
  // `[::1]:8080`, `example.com:8443`, `.example.com`, `*.example.com`
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(trimmed);
  if (bracketed) return { host: bracketed[1] ?? '', port: bracketed[2] };
  const withPort = /^(.*?)(?::(\d+))?$/.exec(trimmed);
  const host = (withPort?.[1] ?? trimmed).replace(/^\*?\./, '');
  return host === '' ? undefined : { host, port: withPort?.[2] };
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
