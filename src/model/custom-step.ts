import type { JsonValue } from '../errors.js';
import type { CustomStepInput, StepCommon } from './step-types.js';

/**
 * Marks steps made by customStep(). Symbol.for, like FLOW_BRAND: the CLI and
 * the user's project may hold two copies of this package. Non-enumerable, so
 * the mark never reaches the payload, its hash or a JSON dump.
 */
export const CUSTOM_STEP_BRAND: unique symbol = Symbol.for('runtype-flows.custom-step') as never;

/**
 * The escape hatch for step types the library does not model yet: sent as
 * written. `validate` warns that its config is not checked, and never calls
 * its type a typo of a known one (`create-record` is not `update-record`),
 * because writing customStep says the type is meant as written. Spreading the
 * result (`{ ...customStep(...) }`) copies its fields but not this mark.
 */
export function customStep(type: string, id: string, options: Omit<StepCommon, 'id'> & { config?: { [key: string]: JsonValue } }): CustomStepInput {
  const { config, ...common } = options;
  const step = { ...common, id, type, config: config ?? {} };
  Object.defineProperty(step, CUSTOM_STEP_BRAND, { value: true, enumerable: false });
  return step as CustomStepInput;
}

/** A step made by customStep() (of this or another copy of the package). */
export function isCustomStep(value: unknown): boolean {
  return value !== null && typeof value === 'object' && (value as Record<symbol, unknown>)[CUSTOM_STEP_BRAND] === true;
}
