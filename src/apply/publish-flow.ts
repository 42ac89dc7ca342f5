// errors.js, not the index: importing the index loads the HTTP client (undici, ~140 ms) too.
import { API_ERROR_CODES, isApiError } from '../api/errors.js';
import { withCause } from '../errors.js';
import { isAmbiguous } from './create-flow.js';
import type { FlowWriter } from './ports.js';

/** How many times a publish is re-sent after the versions list showed the draft still waiting. */
const MAX_PUBLISH_ATTEMPTS = 4;

/**
 * Publishes a flow's draft, settling the two answers that do not say what
 * happened: a lost answer (timeout, reset, 5xx — publish is a POST, so it is
 * not retried blindly) and a 404, which the API document defines as "flow or
 * draft version not found": nothing left to publish (an earlier publish
 * landed, or someone published in the dashboard) unless the flow is gone.
 * Both are settled by the versions list: live with no draft waiting is
 * success; a draft still waiting after a lost answer is published again; a
 * flow that is gone fails with the versions list's own 404 as the cause.
 */
export async function publishFlowOnce(
  api: Pick<FlowWriter, 'publishFlow' | 'getPublishState'>,
  id: string,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    let failure: unknown;
    try {
      await api.publishFlow(id);
      return;
    } catch (error) {
      if (!isAmbiguous(error) && !isNothingToPublish(error)) throw error;
      failure = error;
    }
    // If the check itself fails, the publish's own failure is what the user needs to see.
    const state = await api.getPublishState(id).catch((checkError: unknown) => {
      const detail = checkError instanceof Error ? checkError.message : String(checkError);
      throw withCause(failure, checkError, `checking the flow's versions failed too: ${detail}`);
    });
    if (state.publishedVersionId !== undefined && !state.draftPending) return;
    // A 404 with a draft waiting (or nothing ever published) is a real failure; so is running out
    // of attempts.
    if (!isAmbiguous(failure) || attempt >= MAX_PUBLISH_ATTEMPTS) throw failure;
  }
}

// --- internal ---

function isNothingToPublish(error: unknown): boolean {
  return isApiError(error, API_ERROR_CODES.notFound);
}
