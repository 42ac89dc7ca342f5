import type { JsonValue } from '../errors.js';
import type { StepInput } from './step-types.js';

/**
 * What users write in `defineFlow({...})`. Written out with its docs (the emitted
 * .d.ts would drop them from `z.input<typeof FlowInputSchema>`); the type tests
 * prove it equals FlowInputSchema's input with `steps` typed as steps (the schema
 * only checks that they are a list, normalizeSteps checks each one).
 */
export interface FlowInput {
  /**
   * Stable identity: a slug (lower-case letters, digits, `.`, `-`, `_`), e.g.
   * `customer-outreach`. Never sent to the API; renaming the flow or its file keeps it,
   * changing it moves the lock entry (the remote flow is matched by name).
   */
  key: string;
  /** The flow's name in Runtype; not empty, unique within the project. */
  name: string;
  /** Shown in the dashboard. Sent when the flow is created only (the API's update has none). */
  description?: string;
  /** Names of the flow's inputs: `{{customer_name}}` in a prompt must be declared here. */
  inputs?: readonly string[];
  /**
   * The steps in the order they run: helpers such as `prompt(...)`, or plain objects in the API's
   * shape.
   */
  steps: readonly StepInput[];
  /**
   * False positives of the secret check, for this flow only: exact literal values
   * (preferred), or field paths as diagnostics print them
   * (`'steps[0].config.http.headers.X-Request-Id'`). No wildcards; an entry that
   * matches nothing is a warning. Never sent to the API.
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
