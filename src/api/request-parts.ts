/** The small pure pieces of one HTTP exchange: headers, path and query, body parsing. */

/** An empty key sends no Authorization at all (POST /v1/public/flows/validate needs none). */
export function headersFor(
  apiKey: string,
  userAgent: string,
  hasBody: boolean,
): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': userAgent, accept: 'application/json' };
  if (apiKey !== '') headers.authorization = `Bearer ${apiKey}`;
  if (hasBody) headers['content-type'] = 'application/json';
  return headers;
}

/** `/v1` + `/flows` + `?limit=100&cursor=…` (undefined query values are left out). */
export function fullPath(
  pathPrefix: string,
  path: string,
  query: Record<string, string | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, value);
  const search = params.toString();
  return `${pathPrefix}${path}${search === '' ? '' : `?${search}`}`;
}

/** A 2xx body: empty is fine (204, DELETE), anything else must be JSON. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** An error body: JSON when it is, else the text (a proxy's error page, a plain message). */
export function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
