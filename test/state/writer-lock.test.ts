import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireWriterLock, openLockStore } from '../../src/state/index.js';
import { judgeHolder } from '../../src/state/writer-lock-holder.js';
import { backdate, exists, PROD, tempRoot } from './helpers.js';
import { exited, killHard, spawnStateChild } from './state-child.js';

const pidFile = (root: string): string => path.join(root, '.runtype', 'sync.pid');

async function writeHolder(root: string, holder: { pid: number; hostname: string }): Promise<void> {
  await fsp.mkdir(path.join(root, '.runtype'), { recursive: true });
  await fsp.writeFile(
    pidFile(root),
    JSON.stringify({ ...holder, startedAt: new Date().toISOString() }),
  );
}

describe('acquireWriterLock', () => {
  it('refuses a second writer while the first holds the lock, naming its pid', async () => {
    const root = await tempRoot();
    const lock = await acquireWriterLock(root);
    await expect(acquireWriterLock(root)).rejects.toMatchObject({
      code: 'LOCK_BUSY',
      message: expect.stringContaining(`pid ${process.pid}`),
      hint: expect.stringContaining('delete'),
      meta: { pid: process.pid },
    });
    await lock.release();
    await lock.release(); // twice is fine
    expect(await exists(pidFile(root))).toBe(false);
    await (await acquireWriterLock(root)).release();
  });

  it('refuses a second lock store in the same project, even for another section', async () => {
    const root = await tempRoot();
    const store = await openLockStore({
      root,
      section: 'production',
      apiUrl: PROD,
      location: 'shared',
    });
    await expect(
      openLockStore({ root, section: 'dev', apiUrl: PROD, location: 'local' }),
    ).rejects.toMatchObject({ code: 'LOCK_BUSY' });
    await store.close();
  });

  it('takes over the lock of a process that has exited', async () => {
    const root = await tempRoot();
    const child = spawn(process.execPath, ['-e', '']);
    await exited(child);
    await writeHolder(root, { pid: child.pid!, hostname: os.hostname() });

    const lock = await acquireWriterLock(root);
    expect(JSON.parse(await fsp.readFile(pidFile(root), 'utf8'))).toMatchObject({
      pid: process.pid,
      hostname: os.hostname(),
    });
    await lock.release();
  });

  it('is busy while another process holds it, and free the moment that process is SIGKILLed', async () => {
    const root = await tempRoot();
    const child = await spawnStateChild(`await state.acquireWriterLock(${JSON.stringify(root)})`);
    try {
      await expect(acquireWriterLock(root)).rejects.toMatchObject({
        code: 'LOCK_BUSY',
        meta: { pid: child.pid },
      });
    } finally {
      await killHard(child);
    }
    expect(await exists(pidFile(root))).toBe(true); // left behind by the killed holder
    const lock = await acquireWriterLock(root);
    await lock.release();
  });

  it('trusts a lock from another host for an hour, then takes it over', async () => {
    const root = await tempRoot();
    await writeHolder(root, { pid: 4242, hostname: 'ci-runner-7' });
    await expect(acquireWriterLock(root)).rejects.toMatchObject({
      code: 'LOCK_BUSY',
      message: expect.stringContaining('ci-runner-7'),
    });
    await backdate(pidFile(root), 2 * 3_600_000);
    await (await acquireWriterLock(root)).release();
  });

  it('does not remove a lock someone else now holds', async () => {
    const root = await tempRoot();
    const lock = await acquireWriterLock(root);
    await writeHolder(root, { pid: 4242, hostname: 'elsewhere' });
    await lock.release();
    expect(await exists(pidFile(root))).toBe(true);
  });
});

describe('judgeHolder', () => {
  const context = {
    hostname: 'here',
    isAlive: (pid: number) => pid === 1,
    foreignStaleAfterMs: 3_600_000,
  };
  const text = (pid: number, hostname: string): string =>
    JSON.stringify({ pid, hostname, startedAt: 'then' });

  it.each([
    ['alive on this host', text(1, 'here'), 0, false],
    ['dead on this host, however young', text(2, 'here'), 0, true],
    ['another host, recent', text(1, 'there'), 60_000, false],
    ['another host, over an hour', text(1, 'there'), 3_600_001, true],
    ['unreadable and young (being written)', '', 1_000, false],
    ['unreadable and old (holder died while writing it)', '{"pi', 60_000, true],
  ])('%s → stale: %s', (_name, fileText, ageMs, stale) => {
    expect(judgeHolder({ text: fileText, ageMs }, context).stale).toBe(stale);
  });
});
