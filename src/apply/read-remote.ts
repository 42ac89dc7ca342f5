// errors.js, not the index: importing the index loads the HTTP client (undici, ~140 ms) too.
import { API_ERROR_CODES, isApiError } from '../api/errors.js';
import { readRemoteFlow, type RemoteFlow } from '../plan/index.js';
import type { FlowWriter, RemoteFlowDto } from './ports.js';

/** What reading one remote flow needs of the API. */
export type RemoteReader = Pick<FlowWriter, 'getFlow' | 'getFlowSteps'>;

/**
 * One remote flow, with its steps' `when` when asked (GET /v1/flow-steps is the one response that
 * carries it): the response as given, and as the planner compares it.
 */
export async function readRemote(
  api: RemoteReader,
  id: string,
  withWhen: boolean,
): Promise<{ dto: RemoteFlowDto; remote: RemoteFlow }> {
  const [dto, steps] = await Promise.all([
    api.getFlow(id),
    withWhen ? api.getFlowSteps(id) : undefined,
  ]);
  return { dto, remote: readRemoteFlow(dto, steps?.data) };
}

/** The same, or undefined when the flow does not exist (404). */
export async function readRemoteIfExists(
  api: RemoteReader,
  id: string,
  withWhen: boolean,
): Promise<RemoteFlow | undefined> {
  try {
    return (await readRemote(api, id, withWhen)).remote;
  } catch (error) {
    if (isApiError(error, API_ERROR_CODES.notFound)) return undefined;
    throw error;
  }
}
