import { describe, expect, it } from 'vitest';
import { foldJournal } from '../../src/state/fold-journal.js';
import { JournalRecordSchema, type JournalRecord } from '../../src/state/journal-record.js';
import { LockEntrySchema } from '../../src/state/lockfile-schema.js';

const h = (c: string) => c.repeat(64);
const section = {
  apiUrl: 'http://127.0.0.1:1/v1',
  flows: { a: { id: 'f1', hash: h('a'), name: 'A' } },
};
const fold = (...records: JournalRecord[]) => foldJournal(section, records).flows.a;

describe('the lock state records which version is live', () => {
  it('a publish records its version, and the one live before it', () => {
    const entry = fold(
      { op: 'published', key: 'a', hash: h('a'), versionId: 'v1' },
      { op: 'updated', key: 'a', id: 'f1', name: 'A', hash: h('b') },
      { op: 'published', key: 'a', hash: h('b'), versionId: 'v2' },
    );
    expect(entry).toEqual({
      id: 'f1',
      hash: h('b'),
      name: 'A',
      published: h('b'),
      publishedVersionId: 'v2',
      previousVersionId: 'v1',
    });
  });

  it('an update keeps what is live; a rollback pins and forgets which content is live', () => {
    const pin = { versionId: 'v1', versionNumber: 1, hash: h('b') };
    const entry = fold(
      { op: 'published', key: 'a', hash: h('a'), versionId: 'v1' },
      { op: 'updated', key: 'a', id: 'f1', name: 'A', hash: h('b') },
      { op: 'published', key: 'a', hash: h('b'), versionId: 'v2' },
      { op: 'pinned', key: 'a', pin },
    );
    expect(entry).toMatchObject({ pin, publishedVersionId: 'v1', previousVersionId: 'v2' });
    expect(entry).not.toHaveProperty('published');
    // The next publish of the code releases the pin.
    const released = fold(
      { op: 'pinned', key: 'a', pin },
      { op: 'published', key: 'a', hash: h('c'), versionId: 'v3' },
    );
    expect(released).not.toHaveProperty('pin');
    expect(released).toMatchObject({ publishedVersionId: 'v3', previousVersionId: 'v1' });
  });

  it('old journals and lock entries (no version ids) stay readable', () => {
    expect(JournalRecordSchema.parse({ op: 'published', key: 'a', hash: h('a') })).toEqual({
      op: 'published',
      key: 'a',
      hash: h('a'),
    });
    expect(
      LockEntrySchema.safeParse({ id: 'f', hash: h('a'), name: 'A', published: h('a') }).success,
    ).toBe(true);
    expect(fold({ op: 'published', key: 'a', hash: h('a') })).toEqual({
      ...section.flows.a,
      published: h('a'),
    });
  });
});
