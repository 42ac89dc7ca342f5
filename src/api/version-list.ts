import { isSideVersion } from './guesses.js';

/** What the versions list says of a version: its id and the documented fields read here. */
export interface ListedVersion {
  id: string;
  versionNumber?: number | undefined;
  versionType?: string | undefined;
}

/**
 * The version whose content GET /v1/flows/{id} answers: the newest, by `versionNumber` (guess
 * `current-is-newest`; test and virtual versions aside). Undefined when the list cannot tell
 * (no versions, or one without a number).
 */
export function newestVersion<V extends ListedVersion>(versions: readonly V[]): V | undefined {
  let newest: V | undefined;
  for (const version of versions) {
    if (isSideVersion(version)) continue;
    if (version.versionNumber === undefined) return undefined;
    if (newest === undefined || version.versionNumber > (newest.versionNumber ?? 0)) {
      newest = version;
    }
  }
  return newest;
}

/**
 * Whether the live version is the flow's current content: it is the newest version, so nothing
 * was edited after it (no pending draft) nor published after it and moved back from.
 */
export function liveIsCurrent(list: {
  publishedVersionId?: string | undefined;
  versions: readonly ListedVersion[];
}): boolean {
  const live = list.publishedVersionId;
  return live !== undefined && newestVersion(list.versions)?.id === live;
}
