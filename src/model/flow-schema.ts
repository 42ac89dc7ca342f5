import { z } from 'zod';

/** A flow key: a slug, stable across renames of the flow and of its file. Never sent to the API. */
export const FLOW_KEY_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * The top-level fields of `defineFlow({...})`, checked at run time. Steps are
 * checked one by one by normalizeSteps (recursive, and each problem needs its
 * own diagnostic), so here they are only "an array". The TypeScript side is
 * `FlowInput` in flow.ts; a type test keeps the two field lists equal.
 */
export const FlowInputSchema = z.object({
  key: z.string().regex(FLOW_KEY_PATTERN, 'must be a slug: lower-case letters, digits, ".", "-" or "_", starting with a letter or digit, e.g. "customer-outreach"'),
  name: z.string().regex(/\S/, 'must not be empty'),
  description: z.string().optional(),
  inputs: z.array(z.string().regex(/^[A-Za-z_][\w.-]*$/, 'must be a variable name such as customer_name')).optional(),
  steps: z.array(z.unknown()),
  allowSecrets: z.array(z.string().min(1)).optional(),
});

export const FLOW_FIELDS = Object.keys(FlowInputSchema.shape);
