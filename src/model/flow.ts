import type { z } from 'zod';
import type { JsonValue } from '../errors.js';
import type { FlowInputSchema } from './flow-schema.js';
import type { StepInput } from './step-types.js';

/**
 * What users write in `defineFlow({...})`: FlowInputSchema's fields (types
 * and docs derived from it), with `steps` typed as steps; the schema only
 * checks that they are a list, normalizeSteps checks each one.
 */
export interface FlowInput extends Omit<z.input<typeof FlowInputSchema>, 'steps'> {
  /** The steps in the order they run: helpers such as `prompt(...)`, or plain objects in the API's shape. */
  steps: readonly StepInput[];
}

/** A normalised step: every field present, in the API's shape. */
export interface FlowStep {
  id: string;
  name: string;
  type: string;
  order: number;
  enabled: boolean;
  /** Conditional branches hold normalised FlowStep[] in config.trueSteps / falseSteps. */
  config: { [key: string]: JsonValue };
  when?: string;
}

/** A validated, normalised flow: what the loader returns and the planner hashes. */
export interface Flow {
  key: string;
  name: string;
  description?: string;
  inputs: string[];
  steps: FlowStep[];
  allowSecrets?: string[];
}
