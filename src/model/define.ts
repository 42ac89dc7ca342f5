import type { ConfigInput } from './config.js';
import type { FlowInput } from './flow.js';

/**
 * Marks values made by defineFlow. Symbol.for: the CLI and the user's project may hold two copies
 * of this package.
 */
export const FLOW_BRAND: unique symbol = Symbol.for('runtype-flows.flow') as never;

export type FlowDefinition = FlowInput & { readonly [FLOW_BRAND]: true };

/**
 * Declares a flow: `export default defineFlow({ key, name, steps })` in a module under
 * `flows/`. The CLI finds every flow its modules export, checks it (`validate`) and
 * deploys it (`sync`).
 *
 * An identity function for type inference: it validates nothing and registers nothing
 * at import time (`runtype-flows validate` does the checks, so every problem of every
 * file is reported at once); it only marks the object so the CLI can tell flows from
 * other exports.
 *
 * @example
 * export default defineFlow({
 *   key: 'customer-outreach',
 *   name: 'Customer Outreach Flow',
 *   inputs: ['customer_name'],
 *   steps: [prompt('greeting', { name: 'Greet', model: 'gpt-4', userPrompt: 'Hi {{customer_name}}'
 * })],
 * });
 */
export function defineFlow<F extends object>(
  flow: FlowInput & UnknownFlowFields<F>,
): FlowDefinition {
  if (flow !== null && typeof flow === 'object' && !Object.isFrozen(flow)) {
    Object.defineProperty(flow, FLOW_BRAND, { value: true, enumerable: false });
  }
  return flow as FlowDefinition;
}

/**
 * Declares the project config, `export default defineConfig({...})` in
 * `runtype.config.ts`: where the flows are, and the environments (targets) they
 * deploy to. Identity, for type inference; the CLI checks it when it loads it.
 */
export function defineConfig(config: ConfigInput): ConfigInput {
  return config;
}

/**
 * A misspelled flow field (`descripton`) typed as a message, so it is reported at the
 * field even when the same object has step errors too. (TypeScript reports an excess
 * property only when no other property of the object fails: a step typo would hide it.)
 * `F` is inferred from the argument's keys only.
 */
export type UnknownFlowFields<F> = {
  [K in keyof F]: K extends keyof FlowInput ? unknown : UnknownFlowField<K & string>;
};

type UnknownFlowField<K extends string> = `'${K}' is not a flow field: ${Suggest<K>}`;

type Suggest<K extends string> = SuggestNear<NearFields<Lowercase<K>>>;

type NearFields<K extends string> = {
  [Known in keyof FlowInput]-?: K extends `${Prefix<Known>}${string}` ? Known : never;
}[keyof FlowInput];

type SuggestNear<Near extends string> = [Near] extends [never]
  ? 'flow fields are key, name, description, inputs, steps, allowSecrets'
  : `did you mean '${Near}'?`;

/** The first three letters of a field, lower-cased: enough to recognise most slips. */
type Prefix<S extends string> = S extends `${infer A}${infer B}${infer C}${string}`
  ? Lowercase<`${A}${B}${C}`>
  : S;

/** A flow export: branded by defineFlow, or shaped like one (`{ key, name, steps: [] }`). */
export function isFlowDefinition(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if ((value as Record<symbol, unknown>)[FLOW_BRAND] === true) return true;
  const v = value as Record<string, unknown>;
  return typeof v.key === 'string' && 'name' in v && Array.isArray(v.steps);
}
