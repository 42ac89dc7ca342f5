import { PUBLISHED_VERSION_TYPE, versionContent } from '../api/guesses.js';
import { readRemoteFlow, remoteMatchesCode, type FlowPayload } from '../plan/index.js';
import type { FlowWriter, VersionDto, VersionList, VersionSummary } from './ports.js';

/** The code a version is compared with: its payload and content hash. */
export interface CodeContent {
  payload: FlowPayload;
  hash: string;
}

/**
 * Whether a version holds what the code says, judged as drift is: on the fields its content
 * carries (a version whose content cannot be read never matches).
 */
export function versionMatchesCode(version: VersionDto, code: CodeContent): boolean {
  const content = versionContent(version.flowConfig);
  if (!content) return false;
  const remote = readRemoteFlow(content);
  return remoteMatchesCode(remote, code.payload, code.hash);
}

/** Published versions, newest first (by number): the order a match or a rollback is looked for. */
export function publishedNewestFirst(list: VersionList): VersionSummary[] {
  return list.versions
    .filter((v) => v.versionType === PUBLISHED_VERSION_TYPE)
    .sort((a, b) => (b.versionNumber ?? 0) - (a.versionNumber ?? 0));
}

/**
 * The newest published version whose content is the code's, reading versions one at a time
 * (newest first: the one wanted is nearly always among the first read).
 */
export async function findVersionOfCode(
  api: Pick<FlowWriter, 'getVersion'>,
  id: string,
  list: VersionList,
  code: CodeContent,
  /** A version already found not to match (not read again). */
  skip?: string,
): Promise<VersionSummary | undefined> {
  for (const summary of publishedNewestFirst(list)) {
    if (summary.id === skip) continue;
    const version = await api.getVersion(id, summary.id);
    if (versionMatchesCode(version, code)) return summary;
  }
  return undefined;
}
