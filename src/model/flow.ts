import type { JsonValue } from '../errors.js';
import type { StepInput } from './step-types.js';

/** What users write in `defineFlow({...})`. */
export interface FlowInput {
  /** Stable identity (a slug), never sent to the API. Renaming the flow or its file keeps it. */
  key: string;
  /** The flow's name in Runtype; unique within the project. */
  name: string;
  description?: string;
  /** Names the flow expects as inputs: `{{customer_name}}` in a prompt must be declared here. */
  inputs?: readonly string[];
  steps: readonly StepInput[];
  /**
   * False positives of the secret check, allowed for this flow only: the
   * field paths (`steps[0].config.http.url`) or the literal values that look
   * like a key but are not one. Real secrets belong in `{{secret:NAME}}`.
   */
  allowSecrets?: readonly string[];
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
