import type { JournalRecord } from './journal-record.js';
import type { LockEntry, LockSection } from './lockfile-schema.js';

/** A create that was announced but never confirmed: it may or may not exist remotely. */
export interface PendingCreate {
  key: string;
  name: string;
  hash: string;
}

/**
 * Apply journal records to a section, in order. Pure. The last record for a
 * key decides its entry, so folding the same records twice gives the same
 * section: a crash between writing the lockfile and removing the journal is
 * harmless.
 */
export function foldJournal(section: LockSection, records: readonly JournalRecord[]): LockSection {
  const flows = new Map(Object.entries(section.flows));
  for (const record of records) applyJournalRecord(flows, record);
  return { apiUrl: section.apiUrl, flows: Object.fromEntries(flows) };
}

/** The effect of one record on a key → entry map (shared by fold and the live store). */
export function applyJournalRecord(flows: Map<string, LockEntry>, record: JournalRecord): void {
  switch (record.op) {
    case 'created':
    case 'updated':
      flows.set(record.key, {
        id: record.id,
        hash: record.hash,
        name: record.name,
        ...(record.remoteHash ? { remoteHash: record.remoteHash } : {}),
        ...(record.descriptionHash ? { descriptionHash: record.descriptionHash } : {}),
        // An update leaves the live version as it was: what is live (and a pin) stays known.
        ...(record.op === 'updated' ? liveOf(flows.get(record.key), record.id) : {}),
        ...(record.updatedAt ? { updatedAt: record.updatedAt } : {}),
      });
      return;
    case 'attempt': {
      // Only an entry can be in doubt this way (an adoption's PUT has none yet: it is re-adopted by
      // name).
      const entry = flows.get(record.key);
      if (!entry) return;
      const attempted = [
        ...(entry.attempted ?? []).filter((h) => h !== record.stateHash),
        record.stateHash,
      ];
      flows.set(record.key, { ...entry, attempted: attempted.slice(-MAX_ATTEMPTS) });
      return;
    }
    case 'published': {
      // Recorded only for a written entry; it says which content is live. Publishing the code
      // releases a rollback pin.
      const entry = flows.get(record.key);
      if (!entry) return;
      const { pin: _pin, publishedVersionId: _live, previousVersionId: _previous, ...rest } = entry;
      const live = record.versionId;
      flows.set(record.key, { ...rest, published: record.hash, ...liveVersions(entry, live) });
      return;
    }
    case 'pinned': {
      // A rollback: the pinned version is live, so no code content is known to be.
      const entry = flows.get(record.key);
      if (!entry) return;
      const {
        published: _published,
        publishedVersionId: _live,
        previousVersionId: _p,
        ...rest
      } = entry;
      const live = record.pin.versionId;
      flows.set(record.key, { ...rest, pin: record.pin, ...liveVersions(entry, live) });
      return;
    }
    case 'deleted':
    case 'forget':
      flows.delete(record.key);
      return;
    case 'begin':
    case 'intent':
      // An intent is not an entry: the lock gains the key only once the id is known.
      return;
  }
}

/**
 * Intents with no later record settling the same key (`created`, or an
 * adoption, deletion or forget). The caller reconciles them with the remote
 * by name before creating anything again.
 */
export function findPendingCreates(records: readonly JournalRecord[]): PendingCreate[] {
  const pending = new Map<string, PendingCreate>();
  for (const record of records) {
    if (record.op === 'intent')
      pending.set(record.key, { key: record.key, name: record.name, hash: record.hash });
    else if (record.op !== 'begin' && record.op !== 'published' && record.op !== 'pinned')
      pending.delete(record.key);
  }
  return [...pending.values()];
}

/** The live-version fields an update of the same remote flow keeps. */
function liveOf(entry: LockEntry | undefined, id: string): Partial<LockEntry> {
  if (entry?.id !== id) return {};
  const { published, publishedVersionId, previousVersionId, pin } = entry;
  return {
    ...(published ? { published } : {}),
    ...(publishedVersionId ? { publishedVersionId } : {}),
    ...(previousVersionId ? { previousVersionId } : {}),
    ...(pin ? { pin } : {}),
  };
}

/**
 * The version now live and the one live before it (kept when the live one did not change, as
 * when the same version is published again).
 */
function liveVersions(entry: LockEntry, live: string | undefined): Partial<LockEntry> {
  if (live === undefined) return {};
  const before = entry.publishedVersionId;
  const previous = before !== undefined && before !== live ? before : entry.previousVersionId;
  return { publishedVersionId: live, ...(previous ? { previousVersionId: previous } : {}) };
}

/**
 * Updates in doubt remembered per entry: each run that stops between a PUT and its record adds one,
 * and a run that ends cleanly clears them, so more than a few means something else is wrong.
 */
const MAX_ATTEMPTS = 8;
