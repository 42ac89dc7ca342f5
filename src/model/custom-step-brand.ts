/**
 * Marks steps made by customStep(). Symbol.for, like FLOW_BRAND: the CLI and
 * the user's project may hold two copies of this package. Non-enumerable, so
 * the mark never reaches the payload, its hash or a JSON dump.
 */
export const CUSTOM_STEP_BRAND: unique symbol = Symbol.for('runtype-flows.custom-step') as never;
