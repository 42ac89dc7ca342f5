import { versionContent, wasPublished } from '../api/guesses.js';
import {
  readRemoteFlow,
  remoteMatchesCode,
  type FlowPayload,
  type RemoteFlow,
  type RemoteStepShape,
} from '../plan/index.js';
import type { FlowWriter, VersionDto, VersionList, VersionSummary } from './ports.js';

/** The code a version or a flow is compared with. */
export interface CodeContent {
  payload: FlowPayload;
  hash: string;
  /**
   * The remote state (drift hash) the tool's write of exactly this content was answered with,
   * when known: a flow still in that state holds the code, even where the server rewrote a field
   * the comparison by content would trip on (api/guesses.ts, `steps-as-sent`).
   */
  remoteState?: string | undefined;
}

/** Whether a remote flow (as GET /v1/flows/{id} answers it) holds the code. */
export function flowHoldsCode(remote: RemoteFlow, code: CodeContent): boolean {
  if (remoteMatchesCode(remote, code.payload, code.hash)) return true;
  return code.remoteState !== undefined && remote.stateHash === code.remoteState;
}

/**
 * Whether a version's `flowConfig` holds the code, judged as drift is (on the fields it carries;
 * a name it does not give is not compared). Undefined when its content cannot be read: supporting
 * evidence only (api/guesses.ts, `version-content`).
 */
export function versionHoldsCode(version: VersionDto, code: CodeContent): boolean | undefined {
  const content = versionContent(version.flowConfig);
  if (!content) return undefined;
  const steps = content.flowSteps as RemoteStepShape[];
  const whens = content.withWhen
    ? content.flowSteps.map((s) => ({ id: s.id, when: typeof s.when === 'string' ? s.when : null }))
    : undefined;
  const remote = readRemoteFlow(
    { name: content.name ?? code.payload.name, flowSteps: steps },
    whens,
  );
  return remoteMatchesCode(remote, code.payload, code.hash);
}

/**
 * Versions that were published once, newest first (by number): the order a match or a rollback is
 * looked for in.
 */
export function publishedNewestFirst(list: Pick<VersionList, 'versions'>): VersionSummary[] {
  return list.versions
    .filter(wasPublished)
    .sort((a, b) => (b.versionNumber ?? 0) - (a.versionNumber ?? 0));
}

/**
 * The newest published version whose `flowConfig` holds the code, reading versions one at a time
 * (newest first: the one wanted is nearly always among the first read).
 */
export async function findVersionOfCode(
  api: Pick<FlowWriter, 'getVersion'>,
  id: string,
  list: VersionList,
  code: CodeContent,
  /** A version already compared (not read again). */
  skip?: string,
): Promise<VersionSummary | undefined> {
  for (const summary of publishedNewestFirst(list)) {
    if (summary.id === skip) continue;
    const version = await api.getVersion(id, summary.id);
    if (versionHoldsCode(version, code) === true) return summary;
  }
  return undefined;
}
