import { z } from 'zod';

/**
 * The lockfile's shape, version 1. One file format serves both the committed
 * `runtype.lock.json` (every shared environment) and `.runtype/lock/<env>.json`
 * (one personal or emulator environment). Objects are strict: a typo in a
 * hand edit is reported rather than silently dropped on the next write.
 */
export const LOCKFILE_VERSION = 1;

/**
 * Section names become file names (`.runtype/lock/<name>.json`): the config's environment-name
 * rule.
 */
export const SECTION_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]*$/i;

export const LockEntrySchema = z.strictObject({
  /** The remote flow id. */
  id: z.string().min(1),
  /** sha256 (hex) of the canonical payload last written. */
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest (64 lower-case hex digits)'),
  /** The flow name last written: for humans, and for re-adoption by name. */
  name: z.string(),
  /**
   * Hash of the flow as the server answered that write, when it differs from
   * `hash` (a server that adds defaults). Drift is judged against it, so such
   * a server does not look edited by hand. Absent in the common case.
   */
  remoteHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest (64 lower-case hex digits)')
    .optional(),
  /** The `hash` whose content was last published (sync --publish); absent when never published. */
  published: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest (64 lower-case hex digits)')
    .optional(),
  /**
   * The version id the last publish (or rollback) made live, as the API named it. Absent in
   * lockfiles written before it was recorded: then a live version changed outside the tool
   * cannot be told from the tool's own.
   */
  publishedVersionId: z.string().min(1).optional(),
  /** The version that was live before that one: what `rollback --to previous` goes back to. */
  previousVersionId: z.string().min(1).optional(),
  /**
   * Set by `rollback`: the version made live and the code's `hash` at that moment. While the
   * code's hash is unchanged, sync leaves the flow on that version; a code change releases it.
   */
  pin: z
    .strictObject({
      versionId: z.string().min(1),
      versionNumber: z.number().int().optional(),
      hash: z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest (64 lower-case hex digits)'),
    })
    .optional(),
  /**
   * sha256 of the description as the code had it at the last write; absent
   * when it had none. The API takes a description on create only, so this is
   * what `plan` compares to note a description edit it cannot deploy.
   */
  descriptionHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest (64 lower-case hex digits)')
    .optional(),
  /**
   * The flow's `updatedAt` as the API answered the write recorded here (optional: older lock
   * files and APIs without it have none). `status` reads in full only the flows whose listing
   * shows another `updatedAt`: an unchanged one means nothing edited the flow since.
   */
  updatedAt: z.string().min(1).optional(),
  /**
   * The remote hashes updates would leave, each recorded (durably) before its
   * PUT was sent; cleared when a write's result is recorded. Present only when
   * runs stopped in between (several, if the code moved on between them): a
   * remote holding exactly one of these is the tool's own write, never an edit
   * made outside it. The last MAX_ATTEMPTS are kept.
   */
  attempted: z
    .array(z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hex digest (64 lower-case hex digits)'))
    .optional(),
});

export const LockSectionSchema = z.strictObject({
  /** The API base URL the ids belong to, normalised (see normalizeApiUrl). */
  apiUrl: z.string().min(1),
  flows: z.record(z.string().min(1), LockEntrySchema),
});

export const LockfileSchema = z.strictObject({
  lockfileVersion: z.literal(LOCKFILE_VERSION),
  environments: z.record(
    z.string().regex(SECTION_NAME_PATTERN, 'a section name: letters, digits, "-" and "_"'),
    LockSectionSchema,
  ),
});

export type LockEntry = z.infer<typeof LockEntrySchema>;
export type LockSection = z.infer<typeof LockSectionSchema>;
export type Lockfile = z.infer<typeof LockfileSchema>;

export function emptyLockfile(): Lockfile {
  return { lockfileVersion: LOCKFILE_VERSION, environments: {} };
}
