import type { ConfigInput } from './config.js';
import type { FlowInput } from './flow.js';

/** Marks values made by defineFlow. Symbol.for: the CLI and the user's project may hold two copies of this package. */
export const FLOW_BRAND: unique symbol = Symbol.for('runtype-flows.flow') as never;

export type FlowDefinition = FlowInput & { readonly [FLOW_BRAND]: true };

/**
 * Declares a flow. An identity function for type inference: it validates
 * nothing and registers nothing (`runtype-flows validate` does the checks, so
 * every problem of every file is reported at once). The parameter is not
 * generic on purpose: a misspelled field is then an excess-property error.
 */
export function defineFlow(flow: FlowInput): FlowDefinition {
  if (flow !== null && typeof flow === 'object' && !Object.isFrozen(flow)) {
    Object.defineProperty(flow, FLOW_BRAND, { value: true, enumerable: false });
  }
  return flow as FlowDefinition;
}

/** Declares the project config (`runtype.config.ts`); identity, for type inference. */
export function defineConfig(config: ConfigInput): ConfigInput {
  return config;
}

/** A flow export: branded by defineFlow, or shaped like one (`{ key, name, steps: [] }`). */
export function isFlowDefinition(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if ((value as Record<symbol, unknown>)[FLOW_BRAND] === true) return true;
  const v = value as Record<string, unknown>;
  return typeof v.key === 'string' && 'name' in v && Array.isArray(v.steps);
}
