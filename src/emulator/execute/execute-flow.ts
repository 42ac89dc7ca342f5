/**
 * Runs one flow and yields its stream: `flow_start`, each step's events, then `flow_complete`
 * or `flow_error`. Every event carries the run's `executionId` and a `seq` from 0. The stream
 * is bounded (maxEvents: the last event is a `flow_error` event_limit), and so is the work
 * (maxSteps, runTimeoutMs, per-script limits). Aborting `signal` ends the run at once (its
 * script, if one runs, is terminated) and the generator throws the signal's reason.
 */
import { createHash } from 'node:crypto';
import { FLOW_ERROR_CODES } from '../dispatch/assumptions.js';
import { acceptedStepTypes } from '../step-types.js';
import type { FlowErrorDetail, FlowEvent } from './flow-events.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { ExecuteLimits } from './limits.js';
import { parseDispatchRequest } from './parse-request.js';
import type { DispatchRequest } from './request.js';
import type { RunContext } from './run-context.js';
import type { RunInput } from './run-flow-input.js';
import { runSteps } from './run-steps.js';
import type { RunTally } from './run-steps.js';
import { ScriptSandbox } from './sandbox/sandbox.js';
import { RunStopped } from './step-failure.js';
import { Variables } from './variables.js';

export interface ExecuteOptions {
  /** Outputs by step id, used instead of running those steps (model or outside-world steps). */
  stepOutputs?: Record<string, unknown>;
  signal?: AbortSignal;
  /** Clock in ms for timestamps and durations. Default Date.now. */
  now?: () => number;
  limits?: Partial<ExecuteLimits>;
  /** Step types accepted besides the API's list (they run as not emulated). */
  extraStepTypes?: readonly string[];
  /** A sandbox to share between runs (the emulator keeps one); default: one for this run. */
  sandbox?: ScriptSandbox;
}

/** Checks `request` (throws InputError / DispatchRefused before any event), then runs it. */
export function executeFlow(
  request: DispatchRequest,
  options: ExecuteOptions = {},
): AsyncGenerator<FlowEvent, void, void> {
  const stepTypes = acceptedStepTypes(options.extraStepTypes);
  return runFlow(parseDispatchRequest(request, { stepTypes }), options);
}

/** Runs a checked request (see parse-request.ts). */
export async function* runFlow(
  input: RunInput,
  options: ExecuteOptions = {},
): AsyncGenerator<FlowEvent, void, void> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const startedAt = now();
  const executionId = `exec_${sha256(`${input.fingerprint}:${startedAt}`).slice(0, 24)}`;
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new RunStopped('run_timeout', '')),
    limits.runTimeoutMs,
  );
  const signals =
    options.signal === undefined ? [deadline.signal] : [options.signal, deadline.signal];
  const sandbox = options.sandbox ?? new ScriptSandbox();
  const ctx: RunContext = {
    input,
    variables: new Variables(input, {
      id: executionId,
      timestamp: new Date(startedAt).toISOString(),
    }),
    executionId,
    now,
    startedAt,
    signal: AbortSignal.any(signals),
    limits,
    sandbox,
    stepOutputs: { ...input.stepOutputs, ...options.stepOutputs },
  };
  let seq = 0;
  try {
    for await (const event of bounded(flowEvents(ctx), limits.maxEvents, ctx))
      yield { ...event, executionId, seq: seq++ };
  } finally {
    clearTimeout(timer);
    if (options.sandbox === undefined) await sandbox.close();
  }
}

// --- internal ---

async function* flowEvents(ctx: RunContext): AsyncGenerator<FlowEvent, void, void> {
  const { flow } = ctx.input;
  const iso = (): string => new Date(ctx.now()).toISOString();
  yield {
    type: 'flow_start',
    flowId: flow.id,
    flowName: flow.name,
    totalSteps: flow.steps.length,
    input: ctx.input.inputs,
    source: 'api',
    startedAt: new Date(ctx.startedAt).toISOString(),
  };
  const tally: RunTally = { started: 0, successful: 0, failed: 0, tokens: 0 };
  let failure: FlowErrorDetail | undefined;
  try {
    const outcome = yield* runSteps(flow.steps, ctx, tally);
    if (outcome === 'stop') failure = tally.failure;
  } catch (error) {
    failure = stopped(error, ctx);
  }
  const duration = ctx.now() - ctx.startedAt;
  if (failure !== undefined) {
    yield {
      type: 'flow_error',
      flowId: flow.id,
      error: failure,
      executionTime: duration,
      timestamp: iso(),
    };
    return;
  }
  const output = tally.last?.output;
  yield {
    type: 'flow_complete',
    flowId: flow.id,
    success: true,
    ...(tally.last === undefined
      ? {}
      : {
          finalOutput: typeof output === 'string' ? output : (JSON.stringify(output) ?? ''),
          output,
        }),
    totalSteps: flow.steps.length,
    successfulSteps: tally.successful,
    failedSteps: tally.failed,
    totalTokensUsed: tally.tokens,
    duration,
    completedAt: iso(),
  };
}

/** A bound of the run reached (not the caller's abort, which is rethrown). */
function stopped(error: unknown, ctx: RunContext): FlowErrorDetail {
  const reason: unknown = ctx.signal.aborted ? ctx.signal.reason : error;
  if (!(reason instanceof RunStopped)) throw error;
  if (reason.code === FLOW_ERROR_CODES.runTimeout)
    return { code: reason.code, message: `the run took longer than ${ctx.limits.runTimeoutMs} ms` };
  return { code: reason.code, message: reason.message };
}

/** At most `max` events: past that, the run ends with a `flow_error` event_limit. */
async function* bounded(
  events: AsyncGenerator<FlowEvent, void, void>,
  max: number,
  ctx: RunContext,
): AsyncGenerator<FlowEvent, void, void> {
  let count = 0;
  for await (const event of events) {
    const last = event.type === 'flow_complete' || event.type === 'flow_error';
    if (count === max - 1 && !last) {
      const message = `the stream reached its limit of ${max} events`;
      yield {
        type: 'flow_error',
        flowId: ctx.input.flow.id,
        error: { code: FLOW_ERROR_CODES.eventLimit, message },
        executionTime: ctx.now() - ctx.startedAt,
        timestamp: new Date(ctx.now()).toISOString(),
      };
      return;
    }
    count++;
    yield event;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
