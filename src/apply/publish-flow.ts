// errors.js, not the index: importing the index loads the HTTP client (undici, ~140 ms) too.
import { API_ERROR_CODES, isApiError } from '../api/errors.js';
import { withCause } from '../errors.js';
import { isAmbiguous } from './create-flow.js';
import type { FlowWriter } from './ports.js';
import { findVersionOfCode, versionMatchesCode, type CodeContent } from './version-content.js';

/** How many times a publish is re-sent after the versions list showed the draft still waiting. */
const MAX_PUBLISH_ATTEMPTS = 4;

export type PublishApi = Pick<
  FlowWriter,
  'publishFlow' | 'getPublishState' | 'listVersions' | 'getVersion' | 'publishVersion'
>;

/** What a publish made live: the version id, when the API said (or the settling found) it. */
export interface Published {
  versionId?: string;
}

/**
 * Publishes a flow's draft, settling the two answers that do not say what
 * happened:
 * - a lost answer (timeout, reset, 5xx — publish is a POST, so it is not
 *   retried blindly): live with no draft waiting is success; a draft still
 *   waiting is published again (a bounded number of times);
 * - a 404, which the API document defines as "flow or draft version not
 *   found": nothing to publish (an earlier publish landed, the code went back
 *   to an earlier content, or someone published in the dashboard). It is
 *   settled by the versions: a live version that holds the code is success;
 *   otherwise the newest published version that holds it is published by id
 *   (POST /v1/flow-versions/{flowId}/publish). No such version, or a flow that
 *   is gone, fails with the publish's own 404.
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
  const settle = async (): Promise<Published | undefined> => {
    const list = await api.listVersions(id);
    const live = list.publishedVersionId;
    if (live !== undefined && versionMatchesCode(await api.getVersion(id, live), code)) {
      return { versionId: live };
    }
    const match = await findVersionOfCode(api, id, list, code, live);
    if (!match) return undefined;
    await api.publishVersion(id, match.id);
    return { versionId: match.id };
  };
  const settled = await settle().catch(checkFailed(failure));
  if (settled) return settled;
  throw failure;
}

function checkFailed(failure: unknown): (checkError: unknown) => never {
  return (checkError) => {
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
