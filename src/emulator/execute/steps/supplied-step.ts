/**
 * A step whose output the caller supplied (ExecuteOptions.stepOutputs, by step id): not run,
 * but its templates are still resolved (for `unresolvedVariables`, and a model step's
 * `prompt`), a string answer of a model step still streams, a conditional takes the branch
 * the supplied value's truthiness picks, and set-variable still writes its `variableName`.
 */
import { resolveConfig, unresolvedField } from '../resolve-config.js';
import type { RunContext, StepResult, StepRun } from '../run-context.js';
import type { RunStep } from '../run-flow-input.js';
import { MODEL_STEP_TYPES, modelCall, words } from './model-step.js';
import { KEEP_UNRESOLVED } from './keep-keys.js';

export function* runSuppliedStep(step: RunStep, ctx: RunContext, value: unknown): StepRun {
  const { config, unresolved } = resolveConfig(
    step.config,
    ctx.variables.lookup,
    KEEP_UNRESOLVED[step.type] ?? [],
  );
  const result: StepResult = {
    output: value,
    result: { response: value, supplied: true, ...unresolvedField(unresolved) },
  };
  if (MODEL_STEP_TYPES.has(step.type)) {
    const call = modelCall(step.type, config, ctx);
    result.result.prompt = { system: call.system, user: call.user };
    if (typeof value === 'string' && config.streamOutput !== false) yield* words(value);
  }
  if (step.type === 'conditional') result.branch = value ? 'trueSteps' : 'falseSteps';
  const name = step.config.variableName;
  if (step.type === 'set-variable' && typeof name === 'string' && name !== '')
    result.writes = [name];
  return result;
}
