import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findPendingCreates,
  foldJournal,
  parseJournal,
  readJournal,
  type JournalRecord,
} from '../../src/state/index.js';
import { createJournalWriter } from '../../src/state/journal-writer.js';
import { anEntry, hashOf, PROD, tempRoot } from './helpers.js';

const created = (key: string): JournalRecord => ({ op: 'created', key, ...anEntry(key) });

describe('foldJournal', () => {
  const base = { apiUrl: PROD, flows: { old: anEntry('old'), keep: anEntry('keep') } };

  it('applies created, updated, deleted and forget in order', () => {
    const records: JournalRecord[] = [
      { op: 'begin', apiUrl: PROD, section: 'production' },
      { op: 'intent', key: 'new', name: 'Flow new', hash: hashOf('new') },
      created('new'),
      { op: 'updated', key: 'keep', id: 'flow_keep', name: 'Renamed', hash: hashOf('v2') },
      { op: 'deleted', key: 'old' },
      created('gone'),
      { op: 'forget', key: 'gone' },
    ];
    expect(foldJournal(base, records)).toEqual({
      apiUrl: PROD,
      flows: {
        keep: { id: 'flow_keep', name: 'Renamed', hash: hashOf('v2') },
        new: anEntry('new'),
      },
    });
  });

  it('is idempotent: folding the same records again changes nothing', () => {
    const records: JournalRecord[] = [created('a'), { op: 'deleted', key: 'old' }, created('old')];
    const once = foldJournal(base, records);
    expect(foldJournal(once, records)).toEqual(once);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(base);
    foldJournal(base, [{ op: 'deleted', key: 'old' }]);
    expect(base).toEqual(copy);
  });
});

describe('findPendingCreates', () => {
  it('returns intents that nothing later settled', () => {
    const intent = (key: string): JournalRecord => ({
      op: 'intent',
      key,
      name: `Flow ${key}`,
      hash: hashOf(key),
    });
    const records: JournalRecord[] = [
      intent('lost'),
      intent('done'),
      created('done'),
      intent('adopted'),
      { op: 'updated', key: 'adopted', ...anEntry('adopted') },
      intent('lost'),
    ];
    expect(findPendingCreates(records)).toEqual([
      { key: 'lost', name: 'Flow lost', hash: hashOf('lost') },
    ]);
  });
});

describe('parseJournal', () => {
  const lines = [created('a'), created('b')].map((record) => JSON.stringify(record));

  it('ignores a torn last line and counts it', () => {
    const text = `${lines.join('\n')}\n{"op":"created","key":"c","id":"fl`;
    expect(parseJournal(text, 'j.ndjson')).toEqual({
      records: [created('a'), created('b')],
      tornLines: 1,
    });
  });

  it('accepts a last record that lost only its newline', () => {
    expect(parseJournal(lines.join('\n'), 'j.ndjson').records).toHaveLength(2);
  });

  it('refuses an unreadable line followed by readable ones, naming the line', () => {
    const text = `${lines[0]}\n{garbage\n${lines[1]}\n`;
    expect(() => parseJournal(text, 'j.ndjson')).toThrow(
      expect.objectContaining({
        code: 'JOURNAL_CORRUPT',
        message: expect.stringContaining('j.ndjson:2'),
      }),
    );
  });
});

describe('createJournalWriter', () => {
  it('starts the file with a begin record, appends one line per record and reads back', async () => {
    const root = await tempRoot();
    const file = path.join(root, 'journal', 'production.ndjson');
    const writer = createJournalWriter(file, { op: 'begin', apiUrl: PROD, section: 'production' });
    writer.write(created('a'));
    writer.write({ op: 'deleted', key: 'a' });
    await writer.flush();
    await writer.close();
    expect((await fsp.readFile(file, 'utf8')).split('\n')).toEqual([
      `{"op":"begin","apiUrl":"${PROD}","section":"production"}`,
      JSON.stringify(created('a')),
      '{"op":"deleted","key":"a"}',
      '',
    ]);
    await expect(readJournal(file)).resolves.toMatchObject({
      exists: true,
      tornLines: 0,
      records: [{ op: 'begin' }, { op: 'created' }, { op: 'deleted' }],
    });
  });

  it('lets many concurrent flushes share syncs, and every one resolves', async () => {
    const root = await tempRoot();
    const file = path.join(root, 'j.ndjson');
    const writer = createJournalWriter(file, { op: 'begin', apiUrl: PROD, section: 'production' });
    const flushes = Array.from({ length: 200 }, (_, i) => {
      writer.write(created(`k${i}`));
      return writer.flush();
    });
    await Promise.all(flushes);
    await writer.close();
    expect((await readJournal(file)).records).toHaveLength(201);
  });

  it('leaves no file when nothing was written', async () => {
    const root = await tempRoot();
    const writer = createJournalWriter(path.join(root, 'j.ndjson'), {
      op: 'begin',
      apiUrl: PROD,
      section: 'production',
    });
    await writer.flush();
    await writer.close();
    expect(await fsp.readdir(root)).toEqual([]);
  });
});
