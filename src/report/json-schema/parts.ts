import { z } from 'zod';
import { CHANGE_KINDS } from '../../plan/types.js';

/*
 * Pieces of the JSON documents the commands print with --json (documents.ts puts
 * them together). These schemas are the contract for scripts: `npm run schemas`
 * writes them to schemas/*.schema.json, the package exports their types from
 * `runtype-flows/json`, and test/integration/json-schemas.test.ts holds every
 * command's real output to them.
 */

const json = z.json();

export const SeveritySchema = z.enum(['error', 'warning', 'info']);

/** One problem in the user's files; `file` is relative to the project root. */
export const DiagnosticSchema = z.strictObject({
  severity: SeveritySchema,
  code: z.string().meta({ description: 'Stable code, e.g. UNKNOWN_VARIABLE' }),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  flowKey: z.string().optional(),
  exportName: z
    .string()
    .optional()
    .meta({ description: 'The export the flow came from, when known' }),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  hint: z.string().optional(),
});

/** Which account a run talks to; never the key. */
export const TargetSchema = z.strictObject({
  environment: z.string(),
  kind: z.enum(['emulator', 'remote']),
  apiUrl: z.string().meta({ description: 'API base URL including /v1' }),
  lockFile: z.string().meta({ description: 'Where the lock state lives, relative to the root' }),
  lockSection: z.string(),
});

/** The change kinds of plan/ (one list, CHANGE_KINDS). */
export const ChangeKindSchema = z.enum(CHANGE_KINDS);

export const SummarySchema = z.strictObject(
  Object.fromEntries(ChangeKindSchema.options.map((k) => [k, z.number().int()])) as Record<
    z.infer<typeof ChangeKindSchema>,
    z.ZodNumber
  >,
);

const FieldChangeSchema = z.strictObject({
  path: z.string(),
  before: json.optional(),
  after: json.optional(),
});

const StepDiffSchema = z.union([
  z.strictObject({
    kind: z.enum(['added', 'removed']),
    id: z.string(),
    name: z.string(),
    type: z.string(),
    order: z.number(),
    parent: z.string().optional(),
    step: json.optional().meta({ description: "The step's payload (not for a create)" }),
  }),
  z.strictObject({
    kind: z.literal('changed'),
    id: z.string(),
    name: z.string(),
    type: z.string(),
    parent: z.string().optional(),
    fields: z.array(FieldChangeSchema),
  }),
]);

export const FlowDiffSchema = z.strictObject({
  fields: z.array(FieldChangeSchema),
  steps: z.array(StepDiffSchema),
});

/** One plan change; the optional members belong to the kinds named in their descriptions. */
export const ChangeSchema = z.strictObject({
  kind: ChangeKindSchema,
  key: z.string(),
  name: z.string(),
  remoteId: z.string().optional(),
  descriptionChanged: z.literal(true).optional(),
  previousId: z.string().optional().meta({ description: 'missing: the id deleted remotely' }),
  remoteIds: z.array(z.string()).optional().meta({ description: 'conflict' }),
  contentMatches: z.boolean().optional().meta({ description: 'adopt' }),
  previousKey: z.string().optional().meta({ description: 'adopt: the key changed in code' }),
  matchedName: z.string().optional().meta({ description: 'adopt' }),
  codeChanged: z.boolean().optional().meta({ description: 'drift' }),
  alreadyGone: z.boolean().optional().meta({ description: 'delete' }),
  published: z
    .boolean()
    .optional()
    .meta({ description: 'noop: the code is the live version (false: a draft, or pinned)' }),
  pinned: z
    .strictObject({ versionId: z.string(), versionNumber: z.number().int().optional() })
    .optional()
    .meta({ description: 'noop, live-drift: the version a rollback pinned the flow to' }),
  expectedVersionId: z
    .string()
    .optional()
    .meta({ description: 'live-drift: the version runtype-flows last made live' }),
  liveVersionId: z
    .string()
    .nullable()
    .optional()
    .meta({ description: 'live-drift: the version live now (null: none)' }),
  diff: FlowDiffSchema.optional(),
});

export const ErrorBodySchema = z.strictObject({
  code: z.string().meta({ description: 'Stable SCREAMING_SNAKE code, e.g. FLOWS_INVALID' }),
  message: z.string(),
  hint: z.string().optional(),
  meta: z.record(z.string(), json).optional(),
});

/** The members every document starts with. */
export function envelope<C extends string>(command: C) {
  return {
    schemaVersion: z.literal(1),
    status: z.enum(['ok', 'blocked', 'error']),
    command: z.literal(command),
    ok: z.boolean(),
  };
}
