import { z } from 'zod';
import { LockEntrySchema } from './lockfile-schema.js';

/**
 * One line of a section's journal (`.ndjson`). The journal records each
 * remote write as it happens, so that a crash loses nothing and the lockfile
 * itself is rewritten only once per run:
 * - `begin`   first line of every journal file: the API it belongs to;
 * - `intent`  before a create POST (the create may have happened if no `created` follows);
 * - `created` / `updated`  after a POST / a PUT or an adoption: the entry to store;
 * - `attempt` before a PUT: the remote hash it would leave (see LockEntry.attempted);
 * - `published` after a publish: the content hash now live (and the version id, when known);
 * - `pinned`  after a rollback: the version made live and the code hash it is pinned to;
 * - `deleted` after a DELETE; `forget` drops an entry without a remote call.
 */
const key = z.string().min(1);
const { id, hash, name, remoteHash, descriptionHash, pin, updatedAt } = LockEntrySchema.shape;
const versionId = z.string().min(1);

export const JournalRecordSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('begin'), apiUrl: z.string().min(1), section: z.string() }),
  // `carried`: rewritten by a fold because no run has settled it yet (see recover-journal.ts), not
  // news.
  z.object({ op: z.literal('intent'), key, name, hash, carried: z.literal(true).optional() }),
  z.object({
    op: z.literal('created'),
    ...{ key, id, name, hash, remoteHash, descriptionHash, updatedAt },
  }),
  z.object({
    op: z.literal('updated'),
    ...{ key, id, name, hash, remoteHash, descriptionHash, updatedAt },
  }),
  z.object({ op: z.literal('attempt'), key, stateHash: hash }),
  // `versionId` is optional: journals written before it was recorded stay readable.
  z.object({ op: z.literal('published'), key, hash, versionId: versionId.optional() }),
  z.object({ op: z.literal('pinned'), key, pin: pin.unwrap() }),
  z.object({ op: z.literal('deleted'), key }),
  z.object({ op: z.literal('forget'), key }),
]);

export type JournalRecord = z.infer<typeof JournalRecordSchema>;
export type BeginRecord = Extract<JournalRecord, { op: 'begin' }>;

/** One record as one line; JSON.stringify keeps the property order records are built with. */
export function toJournalLine(record: JournalRecord): string {
  return `${JSON.stringify(record)}\n`;
}
