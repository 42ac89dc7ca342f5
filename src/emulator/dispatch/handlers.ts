/**
 * POST /v1/dispatch (and its siblings): the request is checked at once (400 with every
 * problem, 404, 422, 501 — the Error body), then the flow runs as an SSE stream of its events
 * (sse.ts), or as one JSON answer when `options.streamResponse` is false (json-answer.ts).
 * A stored flow (`flowMode: "existing"`) runs its published version, else its draft steps
 * (assumptions.ts, EXISTING_RUNS_PUBLISHED_ELSE_DRAFT).
 */
import { errorBody } from '../error-body.js';
import { parseDispatchRequest } from '../execute/parse-request.js';
import type { DispatchFlow } from '../execute/request.js';
import { DispatchRefused } from '../execute/run-flow-input.js';
import type { Handler, HandlerContext, Reply } from '../handlers.js';
import type { FlowStore } from '../store.js';
import { DISPATCH_DETAIL_CODES } from './assumptions.js';
import { writeEventStream } from './sse.js';
import { writeJsonAnswer } from './json-answer.js';
import type { RunReply } from './run-reply.js';

export const dispatch: Handler = (ctx: HandlerContext): Reply => {
  let input;
  try {
    input = parseDispatchRequest(ctx.body, {
      stepTypes: ctx.stepTypes,
      resolveFlow: (id) => storedFlow(ctx.store, id),
    });
  } catch (error) {
    if (!(error instanceof DispatchRefused)) throw error;
    return { status: error.status, body: errorBody(error.message, [error.detail]) };
  }
  const reply: RunReply = {
    status: 200,
    write: async (res, runtime, collect) => {
      // Loaded on the first run: a CLI command that only syncs never loads Liquid or the sandbox.
      const { runFlow } = await import('../execute/execute-flow.js');
      const run = (signal: AbortSignal) =>
        runFlow(input, {
          now: runtime.now,
          sandbox: runtime.sandbox,
          limits: runtime.limits,
          signal,
        });
      if (!input.stream) return { body: await writeJsonAnswer(res, run) };
      return { items: await writeEventStream(res, run, collect) };
    },
  };
  return reply;
};

/** /resume, /continue, /approve: nothing the emulator runs ever pauses. */
export const notEmulated: Handler = (): Reply => {
  const message =
    'Not emulated: the emulator never pauses a run (no step awaits a local tool or an ' +
    'approval), so there is nothing to resume, continue or approve';
  return {
    status: 501,
    body: errorBody(message, [{ code: DISPATCH_DETAIL_CODES.notEmulated, message }]),
  };
};

// --- internal ---

function storedFlow(store: FlowStore, id: string): DispatchFlow | undefined {
  const flow = store.get(id);
  if (flow === undefined) return undefined;
  const live = flow.versions.find((v) => v.id === flow.publishedVersionId);
  const steps = live?.steps ?? flow.steps;
  return {
    id: flow.id,
    name: live?.name ?? flow.name,
    steps: [...steps],
  };
}
