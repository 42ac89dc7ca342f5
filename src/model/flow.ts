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
   * False positives of the secret check, allowed for this flow only. Flows
   * are committed to git, so `validate` rejects literals that look like keys
   * (`rt_live_…`, `sk-…`, `sk_live_…`, `ghp_…`, `AKIA…`, Slack webhook URLs,
   * `Bearer <token>`, PEM private keys, …) and literals under fields named
   * for a credential (`X-Api-Key`, `Authorization`, `token`, `password`,
   * `client_secret`, …; placeholders such as `<your-key>` are fine); real
   * secrets belong in `{{secret:NAME}}`. Each entry is either
   *
   * - a whole literal value: `'sk-test-fixture-not-a-real-key-000'` allows
   *   that exact string wherever it appears in this flow (preferred: a
   *   different, real key is still caught), or
   * - a field path, exactly as diagnostics print it:
   *   `'steps[0].config.http.headers.X-Request-Id'` allows whatever that
   *   field holds (for values that change often).
   *
   * Matching is exact: no wildcards, no substrings. An entry that matches
   * nothing is a warning (SECRET_ALLOW_UNUSED), so a stale path left behind
   * by reordered steps does not linger. The list is local (like `key`) and
   * is never sent to the API.
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
