/**
 * transform-data: `config.script` (JavaScript) run in the script sandbox (../sandbox/) with
 * the run's variables as globals and as `input` / `variables`; what it returns (awaited) is the
 * output. Bounded by transformTimeoutMs and transformMemoryMb. Other languages (typescript,
 * python) are not emulated.
 */
import type { RunContext, StepRun } from '../run-context.js';
import { runScript } from '../run-script.js';
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
  const { value, logs } = await runScript(ctx, script, step.id, `transform-data "${step.name}"`);
  return {
    output: value,
    result: { response: value, ...(logs.length === 0 ? {} : { logs }) },
  };
}
