import type { z } from 'zod';
import type { JsonValue } from '../errors.js';
import type { CUSTOM_STEP_BRAND } from './custom-step.js';
import type { KnownStepType, stepConfigSchemas } from './step-configs.js';
import type { StepCommonSchema } from './step-schema.js';

/** Fields every step has besides `type` and `config` (the API's step shape): StepCommonSchema's. */
export type StepCommon = z.input<typeof StepCommonSchema>;

/**
 * The conditional step's config, from its schema; the branches hold steps,
 * which the schema only checks to be lists (normalizeSteps checks each step),
 * so they are typed as steps here.
 */
export interface ConditionalConfig extends Omit<z.input<(typeof stepConfigSchemas)['conditional']>, 'trueSteps' | 'falseSteps'> {
  /** Steps run when `condition` is true. */
  trueSteps?: readonly StepInput[];
  /** Steps run when `condition` is false. */
  falseSteps?: readonly StepInput[];
}

export type StepConfigInput<T extends KnownStepType> = T extends 'conditional' ? ConditionalConfig : z.input<(typeof stepConfigSchemas)[T]>;

/** A step of a modelled type, written as a plain object in the API's shape. */
export type KnownStepInput = { [T in KnownStepType]: StepCommon & { type: T; config: StepConfigInput<T> } }[KnownStepType];

/**
 * A step whose config the library does not model, made with `customStep()`.
 * The brand (a non-enumerable symbol at run time) keeps a plain object with
 * a misspelled `type` from passing as a custom step, and the branded `type`
 * keeps a plain `{ type: 'prompt', config }` from being checked against the
 * open config of a custom step: typos, in types and config fields, stay
 * compile errors.
 */
export type CustomStepInput = StepCommon & {
  type: CustomStepType;
  config: { [key: string]: JsonValue };
  readonly [CUSTOM_STEP_BRAND]: true;
};

/** A custom step's type: a string no literal type matches (so a literal `type` picks a modelled step). */
export type CustomStepType = string & { readonly [CUSTOM_STEP_BRAND]: true };

export type StepInput = KnownStepInput | CustomStepInput;

/** A step as a helper returns it. */
export type Step<T extends KnownStepType> = StepCommon & { id: string; type: T; config: StepConfigInput<T> };
