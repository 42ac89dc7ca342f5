/**
 * Runs user JavaScript of a step (a transform-data script, a `when` or `condition` expression)
 * in the run's sandbox, over the run's variables, with the run's clock and a `Math.random`
 * seeded by the execution and `seedKey`; a failure is the step's (code by what went wrong).
 */
import { createHash } from 'node:crypto';
import type { RunContext } from './run-context.js';
import { StepFailure } from './step-failure.js';

const FAILURES = {
  error: 'step_failed',
  unsettled: 'step_failed',
  timeout: 'timeout',
  memory: 'memory_limit',
} as const;

export async function runScript(
  ctx: RunContext,
  code: string,
  seedKey: string,
  what: string,
): Promise<{ value: unknown; logs: string[] }> {
  const seed = createHash('sha256').update(`${ctx.executionId}:${seedKey}`).digest();
  const outcome = await ctx.sandbox.run(
    {
      code,
      variables: ctx.variables.snapshot(),
      now: ctx.startedAt,
      seed: seed.readUInt32BE(0),
    },
    { timeoutMs: ctx.limits.transformTimeoutMs, memoryMb: ctx.limits.transformMemoryMb },
    ctx.signal,
  );
  if (outcome.ok) return { value: outcome.value, logs: outcome.logs };
  throw new StepFailure(FAILURES[outcome.reason], `${what} failed: ${outcome.message}`);
}
