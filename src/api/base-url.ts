import { API_ERROR_CODES, ApiError, InsecureUrlError } from './errors.js';

/**
 * Where requests go: `<origin><path>/v1`, whatever the user wrote
 * (`https://api.runtype.com`, `.../v1`, `.../v1/`). RUNTYPE_API_URL is
 * documented without `/v1` by the official SDK but users paste either form.
 */
export interface BaseUrl {
  /** `https://api.runtype.com` — what undici dials. */
  origin: string;
  /** `/v1` (or `/prefix/v1`) — prepended to every resource path. */
  pathPrefix: string;
  /** `origin + pathPrefix`, for display. */
  href: string;
  /** Loopback hosts bypass proxies and may use plain http. */
  loopback: boolean;
}

/**
 * The one rule for API base URLs (the client dials it, the lock state keys
 * sections by its `href`). `source` names where the value came from
 * (`RUNTYPE_API_URL`, `environments.production.url`, …) in every error; the
 * value itself is never echoed beyond its scheme and host, in case a key was
 * pasted there.
 */
export function normalizeBaseUrl(raw: string, source = 'the API URL'): BaseUrl {
  const url = parseUrl(raw, source);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ApiError(
      API_ERROR_CODES.invalidUrl,
      `${source} must use https:// (got ${url.protocol}//${url.host})`,
      {
        hint: 'Use an https:// base URL, e.g. https://api.runtype.com',
        meta: { source, url: `${url.protocol}//${url.host}` },
      },
    );
  }
  if (url.username !== '' || url.password !== '') {
    // Credentials in the URL would be dropped silently (and are a leak risk); the key goes in its
    // env var.
    throw new ApiError(
      API_ERROR_CODES.invalidUrl,
      `${source} must not contain credentials (${url.protocol}//${url.host})`,
      {
        hint: 'Put the API key in its environment variable, not in the URL.',
        meta: { source, url: `${url.protocol}//${url.host}` },
      },
    );
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    throw new InsecureUrlError(
      `Refusing to send the API key over plain http to ${url.host} (${source})`,
      {
        hint:
          `Use https://${url.host} — plain http is only allowed for loopback hosts ` +
          `(localhost, 127.0.0.1, ::1).`,
        meta: { source, url: `${url.protocol}//${url.host}` },
      },
    );
  }
  const trimmed = url.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  const pathPrefix = /\/v1$/.test(trimmed) ? trimmed : `${trimmed}/v1`;
  return { origin: url.origin, pathPrefix, href: `${url.origin}${pathPrefix}`, loopback };
}

/** 127.0.0.0/8, ::1 and localhost. WHATWG URL has already canonicalised IPv4 forms. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost') return true;
  if (host === '[::1]' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

// --- internal ---

function parseUrl(raw: string, source: string): URL {
  try {
    return new URL(raw.trim());
  } catch {
    // Do not echo the input: a mis-pasted key could be sitting in it.
    const message =
      `${source} is not a valid absolute URL (its value is not shown, in case it ` +
      `holds a secret)`;
    throw new ApiError(API_ERROR_CODES.invalidUrl, message, {
      hint: 'Expected something like https://api.runtype.com (with or without /v1).',
      meta: { source },
    });
  }
}
