/**
 * conditional: `config.condition` evaluated (../conditions.ts); the branch it picks
 * (`trueSteps` or `falseSteps`) runs right after the conditional's own `step_complete`, whose
 * output is the boolean and whose result names the branch and the condition as evaluated.
 */
import { evaluateCondition } from '../conditions.js';
import type { RunContext, StepRun } from '../run-context.js';
import { StepFailure } from '../step-failure.js';
import type { RunStep } from '../run-flow-input.js';

export async function* runConditionalStep(step: RunStep, ctx: RunContext): StepRun {
  const condition = step.config.condition;
  if (typeof condition !== 'string' || condition.trim() === '')
    throw new StepFailure('step_failed', `conditional "${step.name}" has no config.condition`);
  const evaluated = await evaluateCondition(condition, `the condition of "${step.name}"`, ctx);
  const branch = evaluated.value ? 'trueSteps' : 'falseSteps';
  return {
    output: evaluated.value,
    branch,
    result: { response: evaluated.value, branch, condition: evaluated.expression },
  };
}
