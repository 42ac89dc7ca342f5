import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuntypeError } from '../../src/errors.js';
import {
  normalizeApiUrl,
  openLockStore,
  readLockfile,
  serializeLockfile,
  writeLockfile,
} from '../../src/state/index.js';
import { aLock, anEntry, exists, PROD, snapshotFile, STAGING, tempRoot } from './helpers.js';

describe('normalizeApiUrl', () => {
  it.each([
    ['https://api.runtype.com', 'https://api.runtype.com/v1'],
    ['https://api.runtype.com/', 'https://api.runtype.com/v1'],
    ['https://API.runtype.com/v1/', 'https://api.runtype.com/v1'],
    ['https://api.runtype.com:443/v1', 'https://api.runtype.com/v1'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010/v1'],
    ['https://proxy.example.com/runtype/v1?x=1', 'https://proxy.example.com/runtype/v1'],
    ['emulator://local/', 'emulator://local'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeApiUrl(input)).toBe(expected);
  });
});

describe('section target binding', () => {
  it("refuses a run whose API differs from the section's, naming both URLs and the section", async () => {
    const root = await tempRoot();
    const file = path.join(root, 'runtype.lock.json');
    await writeLockfile(file, aLock({ production: { apiUrl: PROD, flows: { a: anEntry('a') } } }));
    const before = await snapshotFile(file);

    const error = await openLockStore({
      root,
      section: 'production',
      apiUrl: 'https://staging.runtype.com',
      location: 'shared',
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RuntypeError);
    expect(error).toMatchObject({
      code: 'LOCK_TARGET_MISMATCH',
      hint: expect.stringContaining('lockSection'),
    });
    expect((error as Error).message).toContain('"production"');
    expect((error as Error).message).toContain(PROD);
    expect((error as Error).message).toContain(STAGING);
    expect(await snapshotFile(file)).toEqual(before);
  });

  it('accepts the same API written differently', async () => {
    const root = await tempRoot();
    await writeLockfile(
      path.join(root, 'runtype.lock.json'),
      aLock({ production: { apiUrl: PROD, flows: { a: anEntry('a') } } }),
    );
    const store = await openLockStore({
      root,
      section: 'production',
      apiUrl: 'https://api.runtype.com/',
      location: 'shared',
    });
    expect([...store.entries().keys()]).toEqual(['a']);
    await store.close();
  });
});

describe('rewriting one section', () => {
  it('preserves the other sections, including changes made to them during the run', async () => {
    const root = await tempRoot();
    const file = path.join(root, 'runtype.lock.json');
    await writeLockfile(
      file,
      aLock({
        production: { apiUrl: PROD, flows: { p: anEntry('p') } },
        staging: { apiUrl: STAGING, flows: {} },
      }),
    );

    const store = await openLockStore({
      root,
      section: 'staging',
      apiUrl: STAGING,
      location: 'shared',
    });
    await store.recordCreated({ key: 's', ...anEntry('s') });
    // e.g. a `git pull` that brought another production flow while this run was busy
    await writeLockfile(
      file,
      aLock({
        production: { apiUrl: PROD, flows: { p: anEntry('p'), q: anEntry('q') } },
        staging: { apiUrl: STAGING, flows: {} },
      }),
    );
    await store.commit();
    await store.close();

    expect(await readLockfile(file)).toEqual(
      aLock({
        production: { apiUrl: PROD, flows: { p: anEntry('p'), q: anEntry('q') } },
        staging: { apiUrl: STAGING, flows: { s: anEntry('s') } },
      }),
    );
  });

  it('does not create a lockfile, or an empty section, for a run that recorded nothing', async () => {
    const root = await tempRoot();
    const store = await openLockStore({
      root,
      section: 'production',
      apiUrl: PROD,
      location: 'shared',
    });
    await expect(store.commit()).resolves.toMatchObject({ written: false });
    await store.close();
    expect(await exists(path.join(root, 'runtype.lock.json'))).toBe(false);
  });

  it('keeps a section that became empty, so it stays bound to its API', async () => {
    const root = await tempRoot();
    const file = path.join(root, 'runtype.lock.json');
    await writeLockfile(file, aLock({ production: { apiUrl: PROD, flows: { a: anEntry('a') } } }));
    const store = await openLockStore({
      root,
      section: 'production',
      apiUrl: PROD,
      location: 'shared',
    });
    await store.recordDeleted({ key: 'a' });
    await store.commit();
    await store.close();
    expect(await fsp.readFile(file, 'utf8')).toBe(
      serializeLockfile(aLock({ production: { apiUrl: PROD, flows: {} } })),
    );
  });
});
