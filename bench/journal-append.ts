import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLockStore, type LockStore } from '../src/state/index.js';

/**
 * Cost of the lock store's durability: 5,000 journal records through the
 * store (each durable — fdatasync — before its promise resolves), one at a
 * time and 8 in flight as apply runs them, then folding a 5,000-entry
 * lockfile on commit. Prints a table; not a timed test.
 */
const FLOWS = 5_000;
const CONCURRENCY = 8;
const API_URL = 'https://api.runtype.com/v1';

export async function run(): Promise<void> {
  const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'runtype-bench-journal-'));
  const rows: Record<string, string>[] = [];
  const time = async <T>(label: string, records: number, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    const ms = performance.now() - started;
    rows.push({
      step: label,
      records: String(records || ''),
      ms: ms.toFixed(1),
      'records/s': records ? Math.round((records / ms) * 1000).toLocaleString('en') : '',
    });
    return result;
  };
  try {
    const open = (): Promise<LockStore> =>
      openLockStore({ root, section: 'production', apiUrl: API_URL, location: 'shared' });
    let store = await open();
    await time('recordCreated, one at a time', FLOWS, async () => {
      for (let i = 0; i < FLOWS; i += 1) await store.recordCreated(entry(i, 'v1'));
    });
    await time('commit: fold into a new 5,000-entry lockfile', 0, () => store.commit());
    await time('intent + created, one at a time', FLOWS * 2, async () => {
      for (let i = 0; i < FLOWS; i += 1) {
        const { key, name, hash } = entry(i + 2 * FLOWS, 'v1');
        await store.recordIntent({ key, name, hash });
        await store.recordCreated(entry(i + 2 * FLOWS, 'v1'));
      }
    });
    await time(`intent + created, ${CONCURRENCY} in flight`, FLOWS * 2, () =>
      inParallel(FLOWS, CONCURRENCY, async (i) => {
        const { key, name, hash } = entry(i + FLOWS, 'v1');
        await store.recordIntent({ key, name, hash });
        await store.recordCreated(entry(i + FLOWS, 'v1'));
      }),
    );
    await time(`recordUpdated, ${CONCURRENCY} in flight`, FLOWS, () =>
      inParallel(FLOWS, CONCURRENCY, (i) => store.recordUpdated(entry(i, 'v2'))),
    );
    await time('commit: fold 25,000 records into a 15,000-entry lockfile', 0, () => store.commit());
    await time('commit with nothing to fold', 0, () => store.commit());
    await store.close();
    store = await time('open: lock + read + check a 15,000-entry lockfile', 0, open);
    await store.close();
    const bytes = (await fsp.stat(path.join(root, 'runtype.lock.json'))).size;
    console.log(
      `\nJournal append benchmark (fdatasync per record, group commit), lockfile ${(bytes / 1024).toFixed(0)} KiB`,
    );
    console.table(rows);
  } finally {
    await fsp.rm(root, { recursive: true, force: true });
  }
}

// --- internal ---

function entry(
  i: number,
  version: string,
): { key: string; id: string; name: string; hash: string } {
  const key = `flow-${String(i).padStart(5, '0')}`;
  return {
    key,
    id: `flow_${i.toString(16).padStart(12, '0')}`,
    name: `Flow ${i}`,
    hash: createHash('sha256').update(`${key}:${version}`).digest('hex'),
  };
}

async function inParallel(
  count: number,
  limit: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}
