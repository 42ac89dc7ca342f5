import { normalizeBaseUrl } from '../api/base-url.js';

/**
 * The form in which a section remembers its API base URL, so that
 * `https://api.runtype.com`, `https://API.runtype.com/` and
 * `https://api.runtype.com/v1` are one target: the client's own rule
 * (normalizeBaseUrl). Other identities (`emulator://local/v1`, which the app
 * passes for the embedded emulator whose port changes every run, or a stored
 * value that is no valid URL) are kept as written minus trailing slashes.
 */
export function normalizeApiUrl(url: string): string {
  try {
    return normalizeBaseUrl(url).href;
  } catch {
    return url.trim().replace(/\/+$/, '');
  }
}
