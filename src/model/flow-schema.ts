import { z } from 'zod';
import { printableName } from './printable-name.js';

/** A flow key: a slug, stable across renames of the flow and of its file. Never sent to the API. */
export const FLOW_KEY_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * The top-level fields of `defineFlow({...})`, checked at run time, and the
 * source of `FlowInput` (flow.ts): its field types and the docs an editor
 * shows come from here. Steps are checked one by one by normalizeSteps
 * (recursive, and each problem needs its own diagnostic), so here they are
 * only "a list"; FlowInput types them as StepInput. Lists are readonly so
 * `as const` arrays are accepted.
 */
export const FlowInputSchema = z.object({
  /** Stable identity (a slug), never sent to the API. Renaming the flow or its file keeps it. */
  key: z
    .string()
    .regex(
      FLOW_KEY_PATTERN,
      'must be a slug: lower-case letters, digits, ".", "-" or "_", starting with a letter or ' +
        'digit, e.g. "customer-outreach"',
    ),
  /** The flow's name in Runtype; unique within the project. */
  name: printableName().regex(/\S/, 'must not be empty'),
  description: z.string().optional(),
  /** Names the flow expects as inputs: `{{customer_name}}` in a prompt must be declared here. */
  inputs: z
    .array(z.string().regex(/^[A-Za-z_][\w.-]*$/, 'must be a variable name such as customer_name'))
    .readonly()
    .optional(),
  steps: z.array(z.unknown()).readonly(),
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
  allowSecrets: z.array(z.string().min(1)).readonly().optional(),
});

export const FLOW_FIELDS = Object.keys(FlowInputSchema.shape);
