// errors.js, not the index: importing the index loads the HTTP client (undici, ~140 ms) too.
import { API_ERROR_CODES, isApiError } from '../api/errors.js';
import { MAX_PUBLISH_ATTEMPTS } from '../api/guesses.js';
import { RuntypeError, withCause } from '../errors.js';
import { isAmbiguous } from './create-flow.js';
import { readLiveContent, type LiveContent } from './live-content.js';
import type { FlowWriter } from './ports.js';
import { findVersionOfCode, type CodeContent } from './version-content.js';

export type PublishApi = Pick<
  FlowWriter,
  | 'publishFlow'
  | 'getPublishState'
  | 'listVersions'
  | 'getVersion'
  | 'publishVersion'
  | 'getFlow'
  | 'getFlowSteps'
>;

/**
 * What a publish made live: the version id, when the API said (or the settling found) it; or,
 * when nothing documented can tell whether the code is live, why (`unknown`): then nothing is
 * recorded as live and the run does not fail — the next sync tries again.
 */
export type Published = { versionId?: string; unknown?: undefined } | { unknown: string };

/**
 * Publishes a flow's draft, settling the two answers that do not say what
 * happened:
 * - a lost answer (timeout, reset, 5xx — publish is a POST, so it is not
 *   retried blindly): a live version that is the newest version is success;
 *   otherwise it is published again (a bounded number of times);
 * - a 404, which the API document defines as "flow or draft version not
 *   found": nothing to publish (an earlier publish landed, a create that
 *   published at once, someone published in the dashboard, or the code went
 *   back to an earlier content). It is settled by documented fields
 *   (live-content.ts): a live version holding the code is success; otherwise
 *   the newest published version whose flowConfig holds the code is published
 *   by id (POST /v1/flow-versions/{flowId}/publish). A live version known to
 *   hold other content is an edit made outside the tool (an error saying how
 *   to see and overwrite it); when nothing can tell, the result says
 *   "unknown" and why. A flow that is gone fails with the publish's own 404.
 */
export async function publishFlowOnce(
  api: PublishApi,
  id: string,
  code: CodeContent,
): Promise<Published> {
  for (let attempt = 1; ; attempt += 1) {
    let failure: unknown;
    try {
      const answer = await api.publishFlow(id);
      return versionIdOf(answer.publishedVersionId);
    } catch (error) {
      if (isNothingToPublish(error)) return settleNothingToPublish(api, id, code, error);
      if (!isAmbiguous(error)) throw error;
      failure = error;
    }
    const state = await api.getPublishState(id).catch(checkFailed(failure));
    if (state.publishedVersionId !== undefined && !state.draftPending) {
      return versionIdOf(state.publishedVersionId);
    }
    if (attempt >= MAX_PUBLISH_ATTEMPTS) throw failure;
  }
}

// --- internal ---

async function settleNothingToPublish(
  api: PublishApi,
  id: string,
  code: CodeContent,
  failure: unknown,
): Promise<Published> {
  // If a check fails, the publish's own failure is what the user needs to see.
  const settle = async (): Promise<Published | LiveContent> => {
    const list = await api.listVersions(id);
    const live = await readLiveContent(api, id, code, list);
    if (live.kind === 'code') return { versionId: live.versionId };
    const skip = live.kind === 'none' ? undefined : live.versionId;
    const match = await findVersionOfCode(api, id, list, code, skip);
    if (!match) return live;
    // The answer names what is live now: the version asked for, or a copy of it.
    const answer = await api.publishVersion(id, match.id);
    return { versionId: answer.versionId ?? match.id };
  };
  const settled = await settle().catch(checkFailed(failure));
  if (!('kind' in settled)) return settled;
  switch (settled.kind) {
    case 'code':
      return { versionId: settled.versionId };
    case 'unknown':
      return { unknown: settled.reason };
    case 'none':
      return { unknown: 'nothing is live, yet the API found nothing to publish' };
    case 'other':
      throw liveIsNotTheCode(settled.versionId, failure);
  }
}

/** Nothing to publish, and the live version (the flow's content) is not the code's. */
function liveIsNotTheCode(versionId: string, failure: unknown): RuntypeError {
  return new RuntypeError(
    'LIVE_NOT_CODE',
    `nothing to publish, and the live version (${versionId}) is not the code: the flow was ` +
      'edited outside runtype-flows since the last sync',
    {
      hint:
        '`runtype-flows plan --refresh` shows the edit; `runtype-flows sync --refresh --force` ' +
        'overwrites it with the code',
      meta: { versionId },
      cause: failure,
    },
  );
}

function checkFailed(failure: unknown): (checkError: unknown) => never {
  return (checkError) => {
    // Ctrl-C during the check: the run is interrupted, not this flow failed (the next run settles).
    if (isApiError(checkError, API_ERROR_CODES.aborted)) throw checkError;
    const detail = checkError instanceof Error ? checkError.message : String(checkError);
    throw withCause(failure, checkError, `checking the flow's versions failed too: ${detail}`);
  };
}

function versionIdOf(versionId: string | undefined): Published {
  return versionId === undefined ? {} : { versionId };
}

function isNothingToPublish(error: unknown): boolean {
  return isApiError(error, API_ERROR_CODES.notFound);
}
