/**
 * set-variable: `config.variableName` gets `config.value` (or `valueTemplate`, as the
 * document's example names it), templates resolved. A value that is exactly one `{{…}}` keeps
 * the referenced value's type (an object stays an object); other strings render as text.
 */
import { resolveConfig, unresolvedField } from '../resolve-config.js';
import type { RunContext, StepRun } from '../run-context.js';
import { StepFailure } from '../step-failure.js';
import type { RunStep } from '../run-flow-input.js';
import { evaluateExpression, wholeExpression } from '../template.js';

export function* runSetVariableStep(step: RunStep, ctx: RunContext): StepRun {
  const name = step.config.variableName;
  if (typeof name !== 'string' || name.length === 0)
    throw new StepFailure('step_failed', `set-variable "${step.name}" has no config.variableName`);
  const raw = 'value' in step.config ? step.config.value : step.config.valueTemplate;
  const whole = typeof raw === 'string' ? wholeExpression(raw) : undefined;
  const typed = whole === undefined ? undefined : evaluateExpression(whole, ctx.variables.lookup);
  let value: unknown;
  let unresolved: string[] = [];
  if (typed?.found === true) value = typed.value;
  else {
    const resolved = resolveConfig({ value: raw }, ctx.variables.lookup);
    value = resolved.config.value ?? null;
    unresolved = resolved.unresolved;
  }
  return {
    output: value,
    writes: [name],
    result: { response: value, variableName: name, ...unresolvedField(unresolved) },
  };
}
