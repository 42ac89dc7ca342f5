import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InternalError } from '../../src/errors.js';
import {
  openLockStore,
  readLockfile,
  readLockState,
  type LockStoreOptions,
} from '../../src/state/index.js';
import {
  aLock,
  anEntry,
  backdate,
  exists,
  hashOf,
  PROD,
  snapshotFile,
  STAGING,
  tempRoot,
} from './helpers.js';

function shared(root: string, overrides: Partial<LockStoreOptions> = {}): LockStoreOptions {
  return { root, section: 'production', apiUrl: PROD, location: 'shared', ...overrides };
}

describe('openLockStore', () => {
  it('records writes to the journal and folds them into the lockfile on commit', async () => {
    const root = await tempRoot();
    const journal = path.join(root, '.runtype', 'journal', 'production.ndjson');
    const store = await openLockStore(shared(root));
    await store.recordIntent({ key: 'a', name: 'Flow a', hash: hashOf('a') });
    expect(store.entries().has('a')).toBe(false);
    await store.recordCreated({ key: 'a', ...anEntry('a') });
    await store.recordCreated({ key: 'b', ...anEntry('b') });
    await store.recordUpdated({ key: 'b', ...anEntry('b2'), id: 'flow_b' });
    expect(Object.fromEntries(store.entries())).toEqual({
      a: anEntry('a'),
      b: { ...anEntry('b2'), id: 'flow_b' },
    });
    expect(await exists(path.join(root, 'runtype.lock.json'))).toBe(false); // nothing rewritten per record
    expect(await exists(journal)).toBe(true);

    await expect(store.commit()).resolves.toEqual({ written: true, pendingCreates: [] });
    await store.close();

    expect(await readLockfile(path.join(root, 'runtype.lock.json'))).toEqual(
      aLock({
        production: {
          apiUrl: PROD,
          flows: { a: anEntry('a'), b: { ...anEntry('b2'), id: 'flow_b' } },
        },
      }),
    );
    expect(await exists(journal)).toBe(false);
    expect(await exists(path.join(root, '.runtype', 'sync.pid'))).toBe(false);
  });

  it('writes the journal format documented in the brief', async () => {
    const root = await tempRoot();
    const store = await openLockStore(shared(root));
    await store.recordIntent({ key: 'a', name: 'Flow a', hash: hashOf('a') });
    await store.recordCreated({ key: 'a', ...anEntry('a') });
    await store.recordDeleted({ key: 'a' });
    await store.recordForget({ key: 'b' });
    await store.close();
    const text = await fsp.readFile(
      path.join(root, '.runtype', 'journal', 'production.ndjson'),
      'utf8',
    );
    expect(text.replaceAll(hashOf('a'), '<sha256>')).toMatchInlineSnapshot(`
      "{"op":"begin","apiUrl":"https://api.runtype.com/v1","section":"production"}
      {"op":"intent","key":"a","name":"Flow a","hash":"<sha256>"}
      {"op":"created","key":"a","id":"flow_a","name":"Flow a","hash":"<sha256>"}
      {"op":"deleted","key":"a"}
      {"op":"forget","key":"b"}
      "
    `);
  });

  it('recovers an uncommitted run on the next open: entries folded into the lockfile, only the create in doubt left in the journal', async () => {
    const root = await tempRoot();
    const first = await openLockStore(shared(root));
    await first.recordCreated({ key: 'a', ...anEntry('a') });
    await first.recordIntent({ key: 'b', name: 'Flow b', hash: hashOf('b') });
    await first.close(); // no commit: as if the process had died here

    const second = await openLockStore(shared(root));
    expect(Object.fromEntries(second.entries())).toEqual({ a: anEntry('a') });
    expect(second.pendingCreates).toEqual([{ key: 'b', name: 'Flow b', hash: hashOf('b') }]);
    expect(second.recovered).toEqual({ records: 2, tornLines: 0 });
    expect(await readLockfile(path.join(root, 'runtype.lock.json'))).toEqual(
      aLock({ production: { apiUrl: PROD, flows: { a: anEntry('a') } } }),
    );
    const journal = await fsp.readFile(
      path.join(root, '.runtype', 'journal', 'production.ndjson'),
      'utf8',
    );
    expect(
      journal
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      { op: 'begin', apiUrl: PROD, section: 'production' },
      { op: 'intent', key: 'b', name: 'Flow b', hash: hashOf('b'), carried: true },
    ]);
    await second.close();
    // Carried over, it is not news to the next run.
    const third = await openLockStore(shared(root));
    expect(third.recovered).toEqual({ records: 0, tornLines: 0 });
    expect(third.pendingCreates.map((p) => p.key)).toEqual(['b']);
    await expect(third.commit()).resolves.toEqual({
      written: false,
      pendingCreates: [{ key: 'b', name: 'Flow b', hash: hashOf('b') }],
    });
    await third.close();
  });

  it('a create in doubt survives runs that do not settle it (commit, close, another crash), and goes once settled', async () => {
    const root = await tempRoot();
    const journal = path.join(root, '.runtype', 'journal', 'production.ndjson');
    const crashed = await openLockStore(shared(root));
    await crashed.recordIntent({ key: 'b', name: 'Flow b', hash: hashOf('b') });
    await crashed.close();

    // A run that works on other flows only (say --only a) and commits.
    const other = await openLockStore(shared(root));
    await other.recordCreated({ key: 'a', ...anEntry('a') });
    await expect(other.commit()).resolves.toMatchObject({ pendingCreates: [{ key: 'b' }] });
    await other.close();
    // A run that fails before writing anything.
    await (await openLockStore(shared(root))).close();

    const settling = await openLockStore(shared(root));
    expect(settling.pendingCreates.map((p) => p.key)).toEqual(['b']);
    expect(Object.keys(Object.fromEntries(settling.entries()))).toEqual(['a']);
    await settling.recordCreated({ key: 'b', ...anEntry('b') });
    await expect(settling.commit()).resolves.toMatchObject({ pendingCreates: [] });
    await settling.close();
    expect(await exists(journal)).toBe(false);
    expect(
      (await openLockStore(shared(root)).then(async (s) => (await s.close(), s))).pendingCreates,
    ).toEqual([]);
  });

  it('recovers a journal with a torn last line, reporting it', async () => {
    const root = await tempRoot();
    const journal = path.join(root, '.runtype', 'journal', 'production.ndjson');
    await fsp.mkdir(path.dirname(journal), { recursive: true });
    const lines = [
      { op: 'begin', apiUrl: PROD, section: 'production' },
      { op: 'created', key: 'a', ...anEntry('a') },
      { op: 'intent', key: 'b', name: 'Flow b', hash: hashOf('b') },
    ].map((record) => JSON.stringify(record));
    await fsp.writeFile(journal, `${lines.join('\n')}\n{"op":"created","key":"b","id":"flo`);

    const store = await openLockStore(shared(root));
    expect(store.recovered).toEqual({ records: 2, tornLines: 1 });
    expect([...store.entries().keys()]).toEqual(['a']);
    expect(store.pendingCreates.map((p) => p.key)).toEqual(['b']);
    await store.close();
  });

  it('refuses a leftover journal from a run against another API, leaving it in place', async () => {
    const root = await tempRoot();
    const staging = await openLockStore(shared(root, { apiUrl: STAGING }));
    await staging.recordCreated({ key: 'a', ...anEntry('a') });
    await staging.close();
    const journal = path.join(root, '.runtype', 'journal', 'production.ndjson');
    const before = await snapshotFile(journal);

    await expect(openLockStore(shared(root))).rejects.toMatchObject({
      code: 'LOCK_TARGET_MISMATCH',
      message: expect.stringContaining(STAGING),
    });
    expect(await snapshotFile(journal)).toEqual(before);
    expect(await exists(path.join(root, 'runtype.lock.json'))).toBe(false);
  });

  it('keeps a local section under .runtype/ with a .gitignore, away from the committed file', async () => {
    const root = await tempRoot();
    const store = await openLockStore(
      shared(root, { section: 'me', location: 'local', apiUrl: 'emulator://local' }),
    );
    await store.recordCreated({ key: 'a', ...anEntry('a') });
    await store.commit();
    await store.close();
    expect(await fsp.readFile(path.join(root, '.runtype', '.gitignore'), 'utf8')).toBe('*\n');
    expect(await readLockfile(path.join(root, '.runtype', 'lock', 'me.json'))).toEqual(
      aLock({ me: { apiUrl: 'emulator://local', flows: { a: anEntry('a') } } }),
    );
    expect(await exists(path.join(root, 'runtype.lock.json'))).toBe(false);
  });

  it('does not touch an unchanged lockfile on commit', async () => {
    const root = await tempRoot();
    const file = path.join(root, 'runtype.lock.json');
    const first = await openLockStore(shared(root));
    await first.recordCreated({ key: 'a', ...anEntry('a') });
    await first.commit();
    await first.close();
    await backdate(file);
    const before = await snapshotFile(file);

    const second = await openLockStore(shared(root));
    await second.recordUpdated({ key: 'a', ...anEntry('a') }); // same entry again
    await expect(second.commit()).resolves.toMatchObject({ written: false });
    await second.close();
    expect(await snapshotFile(file)).toEqual(before);
  });

  it('can keep recording after a commit (watch mode commits per batch)', async () => {
    const root = await tempRoot();
    const store = await openLockStore(shared(root));
    await store.recordCreated({ key: 'a', ...anEntry('a') });
    await store.commit();
    await store.recordCreated({ key: 'b', ...anEntry('b') });
    await store.commit();
    await store.close();
    expect(
      Object.keys(
        (await readLockfile(path.join(root, 'runtype.lock.json'))).environments.production?.flows ??
          {},
      ),
    ).toEqual(['a', 'b']);
  });

  it('rejects records after close', async () => {
    const root = await tempRoot();
    const store = await openLockStore(shared(root));
    await store.close();
    await expect(store.recordForget({ key: 'a' })).rejects.toBeInstanceOf(InternalError);
  });

  it('refuses a section name that could escape .runtype/', async () => {
    const root = await tempRoot();
    await expect(
      openLockStore(shared(root, { section: '../x', location: 'local' })),
    ).rejects.toMatchObject({ code: 'LOCK_SECTION_INVALID' });
  });
});

describe('readLockState', () => {
  it('sees an unfolded journal without writing anything or taking the writer lock', async () => {
    const root = await tempRoot();
    const store = await openLockStore(shared(root));
    await store.recordCreated({ key: 'a', ...anEntry('a') });
    await store.recordIntent({ key: 'b', name: 'Flow b', hash: hashOf('b') });

    const state = await readLockState({
      root,
      section: 'production',
      apiUrl: PROD,
      location: 'shared',
    });
    expect(Object.fromEntries(state.entries)).toEqual({ a: anEntry('a') });
    expect(state.pendingCreates.map((p) => p.key)).toEqual(['b']);
    expect(await exists(path.join(root, 'runtype.lock.json'))).toBe(false);
    await store.close();
  });
});
