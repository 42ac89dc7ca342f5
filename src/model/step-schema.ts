import { z } from 'zod';

/**
 * The fields every step has besides `type` and `config` (the API's step
 * shape), checked at run time by normalizeSteps and the source of the
 * `StepCommon` type (step-types.ts): its field types and editor docs.
 */
export const StepCommonSchema = z.object({
  /** Stable step id; defaults to a slug of `name`. Unique within a flow. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be letters, digits, "-", "_" or "." (no spaces)').optional(),
  name: z.string().min(1),
  /** Default true. */
  enabled: z.boolean().optional(),
  /** Default: 1-based position in its list. (The API's examples number steps both from 0 and from 1.) */
  order: z.number().int().nonnegative().optional(),
  /** JS expression; a falsy result skips the step. */
  when: z.string().optional(),
});

/** A whole step as normalizeSteps checks it; `type` and the config's fields are checked on their own (check-step-type.ts, check-step-config.ts). */
export const StepShapeSchema = StepCommonSchema.extend({ config: z.record(z.string(), z.unknown()).optional() });

/** Every step-level field, in the order hints list them: any other is STEP_FIELD_UNKNOWN. */
export const STEP_FIELDS = ['id', 'name', 'type', 'config', ...Object.keys(StepCommonSchema.shape).filter((k) => k !== 'id' && k !== 'name')];
