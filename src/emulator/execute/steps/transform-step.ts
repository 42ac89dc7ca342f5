/**
 * transform-data: `config.script` (JavaScript) run in the script sandbox (../sandbox/) with
 * the run's variables as globals and as `input` / `variables`; what it returns (awaited) is the
 * output. Bounded by transformTimeoutMs and transformMemoryMb. Other languages (typescript,
 * python) are not emulated.
 */
import { createHash } from 'node:crypto';
import type { RunContext, StepRun } from '../run-context.js';
import { StepFailure } from '../step-failure.js';
import type { RunStep } from '../run-flow-input.js';
import { notEmulated } from './not-emulated.js';

export async function* runTransformStep(step: RunStep, ctx: RunContext): StepRun {
  const language = step.config.language ?? 'javascript';
  if (language !== 'javascript')
    throw notEmulated(step, `transform-data in ${JSON.stringify(language)} is not emulated`);
  const script = step.config.script;
  if (typeof script !== 'string')
    throw new StepFailure('step_failed', `transform-data "${step.name}" has no config.script`);
  const seed = createHash('sha256').update(`${ctx.executionId}:${step.id}`).digest();
  const outcome = await ctx.sandbox.run(
    {
      code: script,
      variables: ctx.variables.snapshot(),
      now: ctx.startedAt,
      seed: seed.readUInt32BE(0),
    },
    { timeoutMs: ctx.limits.transformTimeoutMs, memoryMb: ctx.limits.transformMemoryMb },
    ctx.signal,
  );
  const logs = outcome.logs.length === 0 ? {} : { logs: outcome.logs };
  if (!outcome.ok) {
    const code =
      outcome.reason === 'timeout'
        ? 'timeout'
        : outcome.reason === 'memory'
          ? 'memory_limit'
          : 'step_failed';
    throw new StepFailure(code, `transform-data "${step.name}" failed: ${outcome.message}`);
  }
  return { output: outcome.value, result: { response: outcome.value, ...logs } };
}
