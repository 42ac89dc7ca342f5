/**
 * Walks a step list: each step's `when` (skip), start, execution (its streamed text as
 * `step_delta`), completion or failure, and a conditional's branch after it. A failure ends
 * the run unless the step's config says to continue (dispatch/assumptions.ts,
 * CONTINUE_ON_ERROR). Outputs go to the variables as each step completes.
 */
import { CONTINUE_ON_ERROR } from '../dispatch/assumptions.js';
import { evaluateCondition } from './conditions.js';
import type { FlowErrorDetail, FlowEvent } from './flow-events.js';
import type { RunContext, StepResult } from './run-context.js';
import type { RunStep } from './run-flow-input.js';
import { RunStopped, StepFailure } from './step-failure.js';
import { handlerFor } from './steps/step-handlers.js';
import { runSuppliedStep } from './steps/supplied-step.js';

/** What the run has done so far (shared by every level of branches). */
export interface RunTally {
  started: number;
  successful: number;
  failed: number;
  tokens: number;
  /** The last completed step's output (conditionals excluded). */
  last?: { output: unknown };
  /** Why the run stopped, once a step failed for good. */
  failure?: FlowErrorDetail;
}

type Outcome = 'go-on' | 'stop';

export async function* runSteps(
  steps: readonly RunStep[],
  ctx: RunContext,
  tally: RunTally,
): AsyncGenerator<FlowEvent, Outcome, void> {
  for (let i = 0; i < steps.length; i++) {
    ctx.signal.throwIfAborted();
    const outcome = yield* runStep(
      steps[i]!,
      { index: i + 1, totalSteps: steps.length },
      ctx,
      tally,
    );
    if (outcome === 'stop') return 'stop';
  }
  return 'go-on';
}

// --- internal ---

async function* runStep(
  step: RunStep,
  place: { index: number; totalSteps: number },
  ctx: RunContext,
  tally: RunTally,
): AsyncGenerator<FlowEvent, Outcome, void> {
  const base = { id: step.id, name: step.name, stepType: step.type, index: place.index };
  const iso = (): string => new Date(ctx.now()).toISOString();
  const started = ctx.now();
  let result: StepResult;
  try {
    if (step.when !== undefined) {
      const when = await evaluateCondition(step.when, `the when of "${step.name}"`, ctx);
      if (!when.value) {
        const skippedAt = iso();
        yield {
          type: 'step_skip',
          ...base,
          totalSteps: place.totalSteps,
          when: step.when,
          skippedAt,
        };
        return 'go-on';
      }
    }
    if (++tally.started > ctx.limits.maxSteps)
      throw new RunStopped('step_limit', `more than ${ctx.limits.maxSteps} steps started`);
    yield { type: 'step_start', ...base, totalSteps: place.totalSteps, startedAt: iso() };
    const run = Object.hasOwn(ctx.stepOutputs, step.id)
      ? runSuppliedStep(step, ctx, ctx.stepOutputs[step.id])
      : handlerFor(step.type)(step, ctx);
    for (;;) {
      const next = await run.next();
      if (next.done === true) {
        result = next.value;
        break;
      }
      yield { type: 'step_delta', id: step.id, text: next.value };
    }
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    tally.failed++;
    yield { type: 'step_error', ...base, error: error.message, executionTime: ctx.now() - started };
    if (continuesOnError(step)) return 'go-on';
    tally.failure = {
      code: error.code,
      message: error.message,
      stepId: step.id,
      stepType: step.type,
    };
    return 'stop';
  }
  complete(step, result, ctx, tally);
  yield {
    type: 'step_complete',
    ...base,
    success: true,
    output: result.output,
    result: result.result,
    executionTime: ctx.now() - started,
    ...(result.tokensUsed === undefined ? {} : { tokensUsed: result.tokensUsed }),
    ...(result.stopReason === undefined ? {} : { stopReason: result.stopReason }),
    completedAt: iso(),
  };
  if (result.branch === undefined || step.branches === undefined) return 'go-on';
  return yield* runSteps(step.branches[result.branch], ctx, tally);
}

function complete(step: RunStep, result: StepResult, ctx: RunContext, tally: RunTally): void {
  const outputVariable = step.config.outputVariable;
  if (typeof outputVariable === 'string' && outputVariable !== '')
    ctx.variables.set(outputVariable, result.output);
  for (const name of result.writes ?? []) ctx.variables.set(name, result.output);
  tally.successful++;
  tally.tokens += result.tokensUsed ?? 0;
  if (step.type !== 'conditional') tally.last = { output: result.output };
}

function continuesOnError(step: RunStep): boolean {
  const handling = step.config.errorHandling;
  if (handling === CONTINUE_ON_ERROR) return true;
  return (
    typeof handling === 'object' &&
    handling !== null &&
    (handling as { onError?: unknown }).onError === CONTINUE_ON_ERROR
  );
}
