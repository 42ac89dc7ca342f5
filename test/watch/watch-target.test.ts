import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAfterError, FatalWatchError } from '../../src/app/watch/session.js';
import { RuntypeError } from '../../src/errors.js';
import { openLockStore, type LockStore } from '../../src/state/index.js';
import { hashOf, PROD, tempRoot } from '../state/helpers.js';

/** The commit of a connection over `store`. */
const committing = (store: LockStore) => ({
  commit: async () => {
    await store.commit();
  },
});

/**
 * The lock store as a watch session holds it: open from the first cycle to Ctrl-C, committed after
 * every cycle.
 */
async function withStore(use: (store: LockStore, root: string) => Promise<void>): Promise<void> {
  const root = await tempRoot();
  const store = await openLockStore({ root, section: 'test', apiUrl: PROD, location: 'shared' });
  try {
    await use(store, root);
  } finally {
    await store.close();
  }
}

describe('the lock state of a watch session', () => {
  it('reports the creates in doubt as of the last commit, not as of opening', async () => {
    await withStore(async (store) => {
      expect(store.pendingCreates).toEqual([]);
      // A create whose POST never answered (Ctrl-C, a dropped connection): its intent stays in
      // doubt.
      await store.recordIntent({ key: 'a', name: 'Flow a', hash: hashOf('a') });
      const committed = await store.commit();
      expect(committed.pendingCreates.map((p) => p.key)).toEqual(['a']);
      expect(store.pendingCreates).toEqual(committed.pendingCreates);
      await store.recordCreated({ key: 'a', id: 'flow_a', name: 'Flow a', hash: hashOf('a') });
      await store.commit();
      expect(store.pendingCreates).toEqual([]);
    });
  });

  it('a commit that fails after a cycle failed keeps the cycle error, with the commit failure as its cause, and is fatal', async () => {
    await withStore(async (store, root) => {
      await store.recordIntent({ key: 'a', name: 'Flow a', hash: hashOf('a') });
      // Where the lockfile must go there is a folder: the commit cannot write it.
      mkdirSync(path.join(root, 'runtype.lock.json'));
      writeFileSync(path.join(root, 'runtype.lock.json', 'in-the-way'), '');
      const cycleError = new RuntypeError('API_SERVER_ERROR', 'GET /flows/x answered 503', {
        hint: 'try again later',
        meta: { status: 503 },
      });
      const thrown = await commitAfterError(committing(store), cycleError).catch(
        (error: unknown) => error,
      );
      expect(thrown).toBeInstanceOf(FatalWatchError);
      const reported = (thrown as FatalWatchError).cause;
      expect(reported).toMatchObject({
        code: 'API_SERVER_ERROR',
        message: 'GET /flows/x answered 503',
        hint: 'try again later',
        meta: { status: 503 },
      });
      expect((reported as Error).cause).toMatchObject({
        message: expect.stringContaining(path.join(root, 'runtype.lock.json')),
      });
    });
  });

  it('a commit that succeeds after a cycle failed rethrows the cycle error as it is (not fatal)', async () => {
    await withStore(async (store) => {
      const cycleError = new RuntypeError('API_NETWORK', 'connection refused');
      await expect(commitAfterError(committing(store), cycleError)).rejects.toBe(cycleError);
    });
  });
});
