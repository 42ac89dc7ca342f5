/** One emulator per state file: a second one is refused, a dead holder's lock is taken over. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuntypeError } from '../../src/errors.js';
import { startEmulator } from '../../src/emulator/index.js';
import { lockStateFile } from '../../src/emulator/state-lock.js';
import { useTempDir } from './helpers.js';

const tempDir = useTempDir('rt-emu-lock-');

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the state-file lock', () => {
  it('refuses a second emulator on the same file with EMULATOR_STATE_LOCKED; no flow is lost', async () => {
    const statePath = join(tempDir(), 'state.json');
    const a = await startEmulator({ statePath });
    const error: unknown = await startEmulator({ statePath }).then(async (b) => {
      await b.close();
      return undefined;
    }, (e: unknown) => e);
    expect(error).toBeInstanceOf(RuntypeError);
    expect(error).toMatchObject({ code: 'EMULATOR_STATE_LOCKED', meta: { file: statePath, lockFile: `${statePath}.lock`, pid: process.pid } });
    expect((error as RuntypeError).message).toContain(statePath);
    expect((error as RuntypeError).hint).toContain(`${statePath}.lock`);
    a.state.create({ name: 'from A' });
    await a.close();
    expect(existsSync(`${statePath}.lock`)).toBe(false);

    // Once A is closed, B may start, and continues from A's state.
    const b = await startEmulator({ statePath });
    b.state.create({ name: 'from B' });
    await b.close();
    const saved = JSON.parse(await readFile(statePath, 'utf8')) as { flows: { name: string }[] };
    expect(saved.flows.map((f) => f.name)).toEqual(['from A', 'from B']);
  });

  it('does not lock in memory mode, nor lock two different files against each other', async () => {
    const one = await startEmulator({ statePath: join(tempDir(), 'one.json') });
    const two = await startEmulator({ statePath: join(tempDir(), 'two.json') });
    const three = await startEmulator();
    expect([one, two, three].map((e) => e.port).every((port) => port > 0)).toBe(true);
    expect(existsSync(join(tempDir(), 'one.json.lock')) && existsSync(join(tempDir(), 'two.json.lock'))).toBe(true);
    await Promise.all([one.close(), two.close(), three.close()]);
  });

  it('takes over a lock left by a dead process on this host (e.g. after SIGKILL)', async () => {
    const statePath = join(tempDir(), 'state.json');
    await writeFile(`${statePath}.lock`, JSON.stringify({ pid: deadPid(), hostname: hostname(), startedAt: '2025-01-01T00:00:00.000Z' }));
    const emu = await startEmulator({ statePath });
    expect(JSON.parse(await readFile(`${statePath}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, hostname: hostname() });
    await emu.close();
    expect(existsSync(`${statePath}.lock`)).toBe(false);
  });

  it('respects a live holder and a fresh lock from another host', async () => {
    const statePath = join(tempDir(), 'state.json');
    await writeFile(`${statePath}.lock`, JSON.stringify({ pid: 4242, hostname: 'some-other-host', startedAt: '2025-01-01T00:00:00.000Z' }));
    await expect(lockStateFile(statePath)).rejects.toMatchObject({ code: 'EMULATOR_STATE_LOCKED', meta: { pid: 4242, hostname: 'some-other-host' } });
    await writeFile(`${statePath}.lock`, JSON.stringify({ pid: 4242, hostname: hostname(), startedAt: '' }));
    await expect(lockStateFile(statePath, { isAlive: () => true })).rejects.toMatchObject({ code: 'EMULATOR_STATE_LOCKED' });
    const taken = await lockStateFile(statePath, { isAlive: () => false });
    await taken.release();
    await taken.release(); // idempotent
    expect(existsSync(`${statePath}.lock`)).toBe(false);
  });

  it('releases the lock when the state file is refused, or the port is taken', async () => {
    const statePath = join(tempDir(), 'state.json');
    await writeFile(statePath, 'not json');
    await expect(startEmulator({ statePath })).rejects.toMatchObject({ code: 'EMULATOR_STATE_INVALID' });
    expect(existsSync(`${statePath}.lock`)).toBe(false);
    const holder = await startEmulator();
    try {
      await expect(startEmulator({ statePath: join(tempDir(), 'other.json'), port: holder.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      expect(existsSync(join(tempDir(), 'other.json.lock'))).toBe(false);
    } finally {
      await holder.close();
    }
  });
});
