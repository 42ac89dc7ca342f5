import { z } from 'zod';
import { printableName } from './printable-name.js';
import { STEP_ID_MAX_LENGTH, STEP_ID_PATTERN } from './step-id.js';

/** The API's limit on `when` (runtype-api.md §00). */
export const WHEN_MAX_LENGTH = 500;

/**
 * The fields every step has besides `type` and `config` (the API's step
 * shape, with the API's own limits), checked at run time by normalizeSteps
 * and the source of the `StepCommon` type (step-types.ts): its field types
 * and editor docs.
 */
export const StepCommonSchema = z.object({
  /**
   * Stable step id, unique within a flow: 1–128 letters, digits, `_`, `-`, `:` or `.`.
   * Defaults to a slug of `name` (cut to 128 characters with a hash when longer).
   */
  id: z
    .string()
    // abort: one fault, one message (an empty id is not also "not letters or digits").
    .min(1, { abort: true })
    .max(STEP_ID_MAX_LENGTH, { abort: true })
    .regex(STEP_ID_PATTERN, 'must be letters, digits, "_", "-", ":" or "." (no spaces)')
    .optional(),
  /** Not empty. */
  name: printableName().min(1),
  /** Default true. */
  enabled: z.boolean().optional(),
  /**
   * A whole number ≥ 0. Default: 1-based position in its list.
   * (The API's examples number steps both from 0 and from 1.)
   */
  order: z.number().int().nonnegative().optional(),
  /** JS expression, at most 500 characters; a falsy result skips the step. */
  when: z.string().max(WHEN_MAX_LENGTH).optional(),
});

/**
 * A whole step as normalizeSteps checks it; `type` and the config's fields are checked on their own
 * (check-step-type.ts, check-step-config.ts).
 */
export const StepShapeSchema = StepCommonSchema.extend({
  config: z.record(z.string(), z.unknown()).optional(),
});

/** Every step-level field, in the order hints list them: any other is STEP_FIELD_UNKNOWN. */
export const STEP_FIELDS = [
  'id',
  'name',
  'type',
  'config',
  ...Object.keys(StepCommonSchema.shape).filter((k) => k !== 'id' && k !== 'name'),
];
