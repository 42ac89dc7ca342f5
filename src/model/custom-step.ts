import type { JsonValue } from '../errors.js';
import { CUSTOM_STEP_BRAND } from './custom-step-brand.js';
import type { CustomStepInput, StepCommon } from './step-types.js';

/**
 * The escape hatch for a step whose config the library does not model: its
 * config is sent as written and not checked. Its type must still be one the
 * API takes — one of its 29 types, or one the config lists in extraStepTypes
 * (runtype.config.ts) when the API has moved ahead of the library; any other
 * is an error (STEP_TYPE_UNKNOWN), never reported as a typo of a known type
 * because writing customStep says the type is meant as written. Spreading
 * the result (`{ ...customStep(...) }`) copies its fields but not this mark.
 */
export function customStep(
  type: string,
  id: string,
  options: Omit<StepCommon, 'id'> & { config?: { [key: string]: JsonValue } },
): CustomStepInput {
  const { config, ...common } = options;
  const step = { ...common, id, type, config: config ?? {} };
  Object.defineProperty(step, CUSTOM_STEP_BRAND, { value: true, enumerable: false });
  return step as CustomStepInput;
}

/** A step made by customStep() (of this or another copy of the package). */
export function isCustomStep(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    (value as Record<symbol, unknown>)[CUSTOM_STEP_BRAND] === true
  );
}
