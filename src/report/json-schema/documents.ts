import { z } from 'zod';
import {
  ChangeKindSchema,
  ChangeSchema,
  DiagnosticSchema,
  envelope,
  ErrorBodySchema,
  SummarySchema,
  TargetSchema,
} from './parts.js';

/*
 * The one JSON document each command prints on stdout with --json (parts.ts says
 * how these schemas are used). Paths of files are relative to the project root;
 * `root` itself is absolute.
 */

const diagnostics = z.array(DiagnosticSchema);

export const ValidateDocumentSchema = z.strictObject({
  ...envelope('validate'),
  root: z.string(),
  configFile: z.string().optional(),
  files: z.number().int(),
  flows: z.array(
    z.strictObject({
      key: z.string(),
      name: z.string(),
      file: z.string(),
      steps: z.number().int(),
    }),
  ),
  helperModules: z.array(z.string()),
  diagnostics,
  remote: z
    .strictObject({
      environment: z.string(),
      checked: z.number().int(),
      authenticated: z.boolean(),
      accountChecksPerformed: z.boolean(),
    })
    .optional(),
});

export const InitDocumentSchema = z.strictObject({
  ...envelope('init'),
  root: z.string(),
  created: z.array(z.string()),
  updated: z.array(z.string()),
  skipped: z.array(z.string()),
  notes: z.array(z.string()),
  nextSteps: z.array(z.string()),
});

/** A remote flow nothing in code or in the lock state manages (`pull` takes it into code). */
const UnmanagedFlowSchema = z.strictObject({
  remoteId: z.string(),
  name: z.string(),
  lastRunAt: z.string().nullable(),
});

export const PlanDocumentSchema = z.strictObject({
  ...envelope('plan'),
  target: TargetSchema,
  pendingChanges: z.boolean(),
  unmanaged: z
    .number()
    .int()
    .optional()
    .meta({ description: 'How many remote flows nothing manages' }),
  unmanagedFlows: z.array(UnmanagedFlowSchema).optional(),
  summary: SummarySchema,
  remoteChecked: z.boolean(),
  refreshed: z.boolean(),
  changes: z.array(ChangeSchema),
  diagnostics,
});

const OutcomeSchema = z.strictObject({
  key: z.string(),
  name: z.string(),
  kind: ChangeKindSchema,
  status: z.enum(['applied', 'unchanged', 'skipped', 'refused', 'failed']),
  action: z.enum(['created', 'adopted', 'updated', 'recreated', 'deleted', 'published', 'none']),
  remoteId: z.string().optional(),
  published: z.boolean().optional(),
  liveUnknown: z.string().optional().meta({
    description:
      'Nothing to publish, and nothing documented tells whether the live version holds the code: why (not recorded as live)',
  }),
  dashboardUrl: z.string().optional().meta({ description: 'The flow in the Runtype dashboard' }),
  reason: z.string().optional(),
  error: z
    .strictObject({
      code: z.string(),
      message: z.string(),
      details: z
        .array(
          z.strictObject({
            code: z.string().optional(),
            message: z.string(),
            path: z.string().optional(),
            suggestion: z.string().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});

const counts = [
  'created',
  'adopted',
  'updated',
  'recreated',
  'deleted',
  'published',
  'none',
] as const;
const CountsSchema = z.strictObject(
  Object.fromEntries(
    [...counts, 'failed', 'refused', 'skipped'].map((k) => [k, z.number().int()]),
  ) as Record<(typeof counts)[number] | 'failed' | 'refused' | 'skipped', z.ZodNumber>,
);

export const SyncDocumentSchema = z.strictObject({
  ...envelope('sync'),
  target: TargetSchema,
  dryRun: z.boolean(),
  durationMs: z.number(),
  summary: SummarySchema,
  outcomes: z.array(OutcomeSchema),
  counts: CountsSchema,
  blocked: z
    .strictObject({
      reason: z.enum(['drift', 'deletions', 'declined', 'stale-plan']),
      keys: z.array(z.string()),
      rerun: z.string(),
      differences: z
        .array(z.string())
        .optional()
        .meta({ description: 'stale-plan: what differs from the saved plan' }),
    })
    .optional(),
  interrupted: z
    .strictObject({ notStarted: z.number().int(), cutShort: z.array(z.string()) })
    .optional(),
  changes: z.array(ChangeSchema).optional().meta({
    description: 'Only when nothing was applied: --dry-run, or blocked by anything but drift',
  }),
  diagnostics,
});

export const StatusDocumentSchema = z.strictObject({
  ...envelope('status'),
  target: TargetSchema,
  remoteChecked: z.boolean(),
  flows: z.array(
    z.strictObject({
      key: z.string(),
      name: z.string(),
      state: z.enum([
        'in-sync',
        'changed',
        'new',
        'adoptable',
        'live-behind',
        'draft',
        'pinned',
        'drift',
        'live-drift',
        'missing',
        'removed',
        'conflict',
      ]),
      remoteId: z.string().optional(),
      file: z.string().optional(),
    }),
  ),
  unmanaged: z.array(UnmanagedFlowSchema).optional().meta({ description: 'With --all' }),
  diagnostics,
});

export const PullDocumentSchema = z.strictObject({
  ...envelope('pull'),
  target: TargetSchema,
  dryRun: z.boolean(),
  outDir: z.string().meta({ description: 'Where new modules go, relative to the project root' }),
  flows: z.array(
    z.strictObject({
      key: z.string(),
      name: z.string(),
      remoteId: z.string(),
      file: z.string(),
      action: z.enum(['created', 'updated', 'unchanged']),
      changed: z.array(z.string()).optional(),
      notes: z.array(z.strictObject({ path: z.string(), message: z.string() })),
      recorded: z.boolean(),
    }),
  ),
  skipped: z.array(z.strictObject({ remoteId: z.string(), name: z.string(), key: z.string() })),
  duplicateNames: z.array(
    z.strictObject({ name: z.string(), keys: z.array(z.string()), remoteIds: z.array(z.string()) }),
  ),
  blocked: z
    .strictObject({
      reason: z.enum(['differs', 'computed', 'dirty']),
      items: z.array(z.strictObject({ key: z.string(), file: z.string(), detail: z.string() })),
      rerun: z.string(),
    })
    .optional(),
  warnings: z.array(z.string()),
  diagnostics,
  durationMs: z.number(),
});

export const VersionsDocumentSchema = z.strictObject({
  ...envelope('versions'),
  target: TargetSchema,
  key: z.string(),
  name: z.string(),
  remoteId: z.string(),
  liveVersionId: z.string().nullable().meta({ description: 'The version live now; null: none' }),
  inCode: z.boolean().meta({ description: 'Whether the code has this key' }),
  pinned: z
    .strictObject({ versionId: z.string(), versionNumber: z.number().int().optional() })
    .optional()
    .meta({ description: 'A rollback pin that holds (the code unchanged since)' }),
  versions: z
    .array(
      z.strictObject({
        id: z.string(),
        number: z.number().int().nullable(),
        type: z.string().nullable().meta({ description: 'published, draft, test or virtual' }),
        createdAt: z.string().nullable(),
        label: z.string().nullable(),
        live: z.boolean(),
        matchesCode: z.boolean().meta({ description: "Its content is the code's" }),
        contentUnknown: z
          .literal(true)
          .optional()
          .meta({ description: 'Whether it holds the code cannot be told (not a match)' }),
      }),
    )
    .meta({ description: 'Newest first' }),
});

const VersionRefSchema = z.strictObject({
  versionId: z.string().nullable(),
  versionNumber: z.number().int().nullable(),
});

export const RollbackDocumentSchema = z.strictObject({
  ...envelope('rollback'),
  target: TargetSchema,
  key: z.string(),
  name: z.string(),
  remoteId: z.string(),
  from: VersionRefSchema.meta({ description: 'The version live before' }),
  to: z.strictObject({ versionId: z.string(), versionNumber: z.number().int().nullable() }),
  changed: z.boolean().meta({ description: 'False when that version was live already' }),
  blocked: z
    .strictObject({
      reason: z.literal('confirmation'),
      keys: z.array(z.string()),
      rerun: z.string(),
    })
    .optional()
    .meta({ description: 'Nothing done: re-run with --yes (exit 2)' }),
});

/** What any command prints instead of its document when it fails as a whole (usage errors too). */
export const ErrorDocumentSchema = z.strictObject({
  schemaVersion: z.literal(1),
  status: z.literal('error'),
  error: ErrorBodySchema,
});

/** `emulator --json`: one JSON object a line; `listening` first. */
export const EmulatorEventSchema = z.discriminatedUnion('event', [
  z.strictObject({
    schemaVersion: z.literal(1),
    event: z.literal('listening'),
    url: z.string().meta({ description: 'API base URL including /v1' }),
    port: z.number().int(),
    key: z
      .string()
      .nullable()
      .meta({ description: 'The default local key; null for one given with --key' }),
  }),
  z.strictObject({ schemaVersion: z.literal(1), event: z.literal('stopped') }),
  z.strictObject({
    schemaVersion: z.literal(1),
    event: z.literal('error'),
    error: ErrorBodySchema,
  }),
]);

export const EnvsDocumentSchema = z.strictObject({
  ...envelope('envs'),
  root: z.string(),
  configFile: z.string().optional(),
  overrides: z.array(z.string()).meta({ description: 'RUNTYPE_ENV/_API_URL/_API_KEY when set' }),
  environments: z.array(
    z.strictObject({
      name: z.string(),
      kind: z.enum(['emulator', 'remote']),
      default: z.boolean(),
      selected: z.boolean().meta({ description: 'What a command without --env uses' }),
      apiUrl: z.string().optional(),
      keyEnv: z.string().optional(),
      keySet: z.boolean().optional().meta({ description: 'Whether the key variable is set' }),
      lockFile: z.string(),
      lockLocation: z.enum(['shared', 'local']),
      publish: z.boolean(),
      problem: z.string().optional(),
    }),
  ),
  diagnostics,
});

export const DoctorDocumentSchema = z.strictObject({
  ...envelope('doctor'),
  root: z.string(),
  environment: z.string().optional(),
  checks: z.array(
    z.strictObject({
      name: z.enum(['config', 'environment', 'key', 'api', 'lock', 'journal']),
      status: z.enum(['ok', 'warn', 'fail', 'skip']),
      message: z.string(),
      hint: z.string().optional(),
    }),
  ),
});
