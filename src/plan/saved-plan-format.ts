import { z } from 'zod';

/**
 * The file `plan --out FILE` writes and `sync --plan FILE` applies: the plan a
 * pull request reviewed, with everything it was made from (environment, API
 * URL, lock state, code and remote hashes), so a deploy can refuse anything
 * else. Versioned; `schemas/saved-plan.schema.json` is generated from this.
 * Changes are recorded generically (see ChangeRecord): a new change kind needs
 * no new version.
 */
export const SAVED_PLAN_VERSION = 1;

const ChangeRecordSchema = z.strictObject({
  key: z.string(),
  kind: z.string().meta({ description: 'The change kind, as `plan --json` names it' }),
  name: z.string(),
  codeHash: z.string().optional().meta({ description: "Hash of the code's flow" }),
  remoteId: z.string().optional(),
  remoteHash: z
    .string()
    .optional()
    .meta({ description: 'Drift hash of the remote flow as read when planning' }),
  fingerprint: z.string().meta({ description: 'sha256 of the whole change' }),
});

export const SavedPlanSchema = z.strictObject({
  format: z.literal('runtype-flows-plan'),
  version: z.literal(SAVED_PLAN_VERSION),
  createdAt: z.string(),
  toolVersion: z.string(),
  target: z.strictObject({
    environment: z.string(),
    kind: z.enum(['emulator', 'remote']),
    apiUrl: z
      .string()
      .meta({ description: "API base URL with /v1 (an embedded emulator's is not compared)" }),
  }),
  lockStateHash: z
    .string()
    .meta({ description: "sha256 of the environment's lock state (entries, creates in doubt)" }),
  options: z.strictObject({
    prune: z.boolean().meta({ description: 'Made with --prune: its deletions are applied' }),
    refresh: z.boolean(),
    only: z.array(z.string()).optional(),
    publish: z.boolean(),
  }),
  changes: z.array(ChangeRecordSchema),
});

export type SavedPlan = z.infer<typeof SavedPlanSchema>;
