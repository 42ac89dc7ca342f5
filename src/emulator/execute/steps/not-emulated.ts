/**
 * Steps that need the outside world (HTTP, search, e-mail, records, memory, vectors, tools,
 * waiting, PDFs…) run only with an output the caller supplies; without one they fail with code
 * `not_emulated` — never a fake success.
 */
import type { RunContext, StepRun } from '../run-context.js';
import { StepFailure } from '../step-failure.js';
import type { RunStep } from '../run-flow-input.js';

export function* runNotEmulatedStep(step: RunStep, _ctx: RunContext): StepRun {
  throw notEmulated(step, `"${step.type}" steps need the outside world`);
}

export function notEmulated(step: RunStep, why: string): StepFailure {
  return new StepFailure(
    'not_emulated',
    `Step "${step.name}" (${step.type}) is not emulated: ${why}. ` +
      `Supply its output (step id "${step.id}") to run this flow offline.`,
  );
}
