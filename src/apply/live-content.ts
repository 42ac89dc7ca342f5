import { liveIsCurrent } from '../api/version-list.js';
import { usesWhen } from '../plan/index.js';
import type { FlowWriter, VersionList } from './ports.js';
import { readRemote } from './read-remote.js';
import { flowHoldsCode, versionHoldsCode, type CodeContent } from './version-content.js';

/** What the documented fields say about the live version and the code. */
export type LiveContent =
  /** The live version holds the code. */
  | { kind: 'code'; versionId: string }
  /** The live version is known to hold something else. */
  | { kind: 'other'; versionId: string }
  /** Nothing is live (`publishedVersionId` is null). */
  | { kind: 'none' }
  /** Nothing documented can tell: `reason` says why. */
  | { kind: 'unknown'; versionId: string; reason: string };

export type LiveReader = Pick<FlowWriter, 'getFlow' | 'getFlowSteps' | 'getVersion'>;

/**
 * Whether the live version holds the code, decided by what the document types: the versions list
 * (`publishedVersionId`, which version is newest) and the flow itself. When the live version is
 * the newest one, the flow's content (GET /v1/flows/{id}) is the live content and is compared
 * with the code; otherwise the live version's `flowConfig` is read, as supporting evidence only —
 * when it cannot be read, the answer is "unknown", never a guess.
 */
export async function readLiveContent(
  api: LiveReader,
  id: string,
  code: CodeContent,
  list: VersionList,
): Promise<LiveContent> {
  const live = list.publishedVersionId;
  if (live === undefined) return { kind: 'none' };
  if (liveIsCurrent(list)) {
    const { remote } = await readRemote(api, id, usesWhen(code.payload));
    return { kind: flowHoldsCode(remote, code) ? 'code' : 'other', versionId: live };
  }
  const holds = versionHoldsCode(await api.getVersion(id, live), code);
  if (holds !== undefined) return { kind: holds ? 'code' : 'other', versionId: live };
  return {
    kind: 'unknown',
    versionId: live,
    reason:
      `a version newer than the live one (${live}) exists, so the flow's content is not the ` +
      "live content, and the live version's flowConfig does not say what it holds",
  };
}
