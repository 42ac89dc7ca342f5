/**
 * The form in which a section remembers its API base URL, so that
 * `https://api.runtype.com`, `https://API.runtype.com/` and
 * `https://api.runtype.com/v1` are one target (DESIGN.md allows the URL with
 * or without `/v1`). Non-http identities (e.g. `emulator://local`, which the
 * app may pass for the embedded emulator whose port changes every run) are
 * kept as written minus trailing slashes.
 */
export function normalizeApiUrl(url: string): string {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return stripTrailingSlashes(trimmed);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return stripTrailingSlashes(trimmed);
  // URL already lower-cases the host and drops a default port; query and fragment are not part of a base URL.
  const path = stripTrailingSlashes(parsed.pathname);
  return `${parsed.origin}${path.endsWith('/v1') ? path : `${path}/v1`}`;
}

// --- internal ---

function stripTrailingSlashes(text: string): string {
  return text.replace(/\/+$/, '');
}
