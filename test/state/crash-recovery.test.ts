import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLockStore, readLockfile, writeLockfile } from '../../src/state/index.js';
import {
  aLock,
  anEntry,
  backdate,
  exists,
  hashOf,
  PROD,
  snapshotFile,
  tempRoot,
} from './helpers.js';
import { killHard, spawnStateChild } from './state-child.js';

describe('crash recovery', () => {
  it('loses nothing when a sync is SIGKILLed mid-run: the next open takes over and folds its journal', async () => {
    const root = await tempRoot();
    const options = JSON.stringify({
      root,
      section: 'production',
      apiUrl: PROD,
      location: 'shared',
    });
    const child = await spawnStateChild(
      `const store = await state.openLockStore(${options});
       await store.recordIntent({ key: 'a', name: 'Flow a', hash: ${JSON.stringify(hashOf('a'))} });
       await store.recordCreated({ key: 'a', id: 'flow_a', name: 'Flow a', hash: ${JSON.stringify(hashOf('a'))} });
       await store.recordIntent({ key: 'b', name: 'Flow b', hash: ${JSON.stringify(hashOf('b'))} });`,
    );
    await killHard(child);

    const store = await openLockStore({
      root,
      section: 'production',
      apiUrl: PROD,
      location: 'shared',
    });
    expect(Object.fromEntries(store.entries())).toEqual({ a: anEntry('a') });
    expect(store.pendingCreates).toEqual([{ key: 'b', name: 'Flow b', hash: hashOf('b') }]);
    expect(await readLockfile(path.join(root, 'runtype.lock.json'))).toEqual(
      aLock({ production: { apiUrl: PROD, flows: { a: anEntry('a') } } }),
    );
    await store.close();
  });

  it('re-folding a journal the lockfile already contains (crash after the write, before the removal) changes nothing', async () => {
    const root = await tempRoot();
    const file = path.join(root, 'runtype.lock.json');
    await writeLockfile(file, aLock({ production: { apiUrl: PROD, flows: { a: anEntry('a') } } }));
    await backdate(file);
    const before = await snapshotFile(file);
    const journal = path.join(root, '.runtype', 'journal', 'production.ndjson');
    await fsp.mkdir(path.dirname(journal), { recursive: true });
    const records = [
      { op: 'begin', apiUrl: PROD, section: 'production' },
      { op: 'created', key: 'gone', ...anEntry('gone') },
      { op: 'created', key: 'a', ...anEntry('a') },
      { op: 'deleted', key: 'gone' },
    ];
    await fsp.writeFile(journal, records.map((record) => `${JSON.stringify(record)}\n`).join(''));

    const store = await openLockStore({
      root,
      section: 'production',
      apiUrl: PROD,
      location: 'shared',
    });
    await store.close();
    expect(await snapshotFile(file)).toEqual(before);
    expect(await exists(journal)).toBe(false);
  });

  it('refuses a journal corrupted in the middle, changing nothing', async () => {
    const root = await tempRoot();
    const journal = path.join(root, '.runtype', 'journal', 'production.ndjson');
    await fsp.mkdir(path.dirname(journal), { recursive: true });
    await fsp.writeFile(
      journal,
      `{"op":"begin","apiUrl":"${PROD}","section":"production"}\n{"op":"crea\n{"op":"deleted","key":"a"}\n`,
    );

    await expect(
      openLockStore({ root, section: 'production', apiUrl: PROD, location: 'shared' }),
    ).rejects.toMatchObject({
      code: 'JOURNAL_CORRUPT',
      message: expect.stringContaining(`${journal}:2`),
    });
    expect(await exists(journal)).toBe(true);
    expect(await exists(path.join(root, 'runtype.lock.json'))).toBe(false);
    expect(await exists(path.join(root, '.runtype', 'sync.pid'))).toBe(false);
  });
});
