/** What every step handler gets: the run's variables, clock, bounds and script sandbox. */
import type { StopReason } from './flow-events.js';
import type { ExecuteLimits } from './limits.js';
import type { RunInput, RunStep } from './run-flow-input.js';
import type { ScriptSandbox } from './sandbox/sandbox.js';
import type { Variables } from './variables.js';

export interface RunContext {
  readonly input: RunInput;
  readonly variables: Variables;
  readonly executionId: string;
  /** The run's clock (ms): timestamps and durations, `Date.now()` inside scripts. */
  readonly now: () => number;
  readonly startedAt: number;
  readonly signal: AbortSignal;
  readonly limits: ExecuteLimits;
  readonly sandbox: ScriptSandbox;
  /** Outputs the caller supplied, by step id: used instead of running the step. */
  readonly stepOutputs: Readonly<Record<string, unknown>>;
}

/** What a step produced. */
export interface StepResult {
  /** The step's value: stored under its `outputVariable`. */
  output: unknown;
  /** `step_complete.result` (dispatch/assumptions.ts, STEP_RESULT_FIELDS). */
  result: Record<string, unknown>;
  tokensUsed?: number;
  stopReason?: StopReason;
  /** A conditional's branch to run next. */
  branch?: 'trueSteps' | 'falseSteps';
  /** Variables written besides `outputVariable` (set-variable's `variableName`). */
  writes?: string[];
}

/** A step's execution: yields text as it streams (step_delta), returns its result. */
export type StepRun =
  AsyncGenerator<string, StepResult, void> | Generator<string, StepResult, void>;

export type StepHandler = (step: RunStep, ctx: RunContext) => StepRun;
