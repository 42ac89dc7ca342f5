/** One emulator per state file: a second one is refused, a dead holder's lock is taken over. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuntypeError } from '../../src/errors.js';
import { lockStateFile } from '../../src/emulator/state-lock.js';
import { runEmulatorChild } from './emulator-child.js';
import { startEmulator, useTempDir } from './helpers.js';

const tempDir = useTempDir('rt-emu-lock-');

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('the state-file lock', () => {
  it('refuses a second emulator on the same file with EMULATOR_STATE_LOCKED; no flow is lost', async () => {
    const statePath = join(tempDir(), 'state.json');
    const a = await startEmulator({ statePath });
    const error: unknown = await startEmulator({ statePath }).then(
      async (b) => {
        await b.close();
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RuntypeError);
    expect(error).toMatchObject({
      code: 'EMULATOR_STATE_LOCKED',
      meta: { file: statePath, lockFile: `${statePath}.lock`, pid: process.pid },
    });
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

  it('in memory mode takes no lock: two run side by side, and no lock file appears anywhere', async () => {
    // The child's working and temp folders are this test's folder: wherever a memory-only
    // emulator might put a lock file, it would land in there.
    const dir = tempDir();
    const report = (await runEmulatorChild(
      dir,
      `
      const a = await emu.startEmulator();
      const b = await emu.startEmulator();
      a.state.create({ name: 'only in a' });
      const list = (e) => fetch(e.apiUrl + '/flows', { headers: { authorization: 'Bearer ' + e.key } }).then((r) => r.json());
      const names = (await Promise.all([a, b].map(list))).map((page) => page.data.map((f) => f.name));
      const whileRunning = require('node:fs').readdirSync('.', { recursive: true });
      await Promise.all([a.close(), b.close()]);
      return { ports: [a.port, b.port], names, whileRunning };`,
    )) as { ports: number[]; names: string[][]; whileRunning: string[] };
    expect(report.names).toEqual([['only in a'], []]);
    expect(new Set(report.ports).size).toBe(2);
    expect(report.whileRunning.filter((name) => name.includes('.lock'))).toEqual([]);
    expect(
      (await readdir(dir, { recursive: true })).filter((name) => name.includes('.lock')),
    ).toEqual([]);
  });

  it('does not lock two different state files against each other', async () => {
    const one = await startEmulator({ statePath: join(tempDir(), 'one.json') });
    const two = await startEmulator({ statePath: join(tempDir(), 'two.json') });
    expect(
      existsSync(join(tempDir(), 'one.json.lock')) && existsSync(join(tempDir(), 'two.json.lock')),
    ).toBe(true);
    await Promise.all([one.close(), two.close()]);
  });

  // The staleness rules themselves are the writer lock's, tested in test/state/writer-lock.test.ts.
  it('names the holder of a held lock; a dead holder on this host is taken over', async () => {
    const statePath = join(tempDir(), 'state.json');
    await writeFile(
      `${statePath}.lock`,
      JSON.stringify({
        pid: 4242,
        hostname: 'some-other-host',
        startedAt: '2025-01-01T00:00:00.000Z',
      }),
    );
    const error: unknown = await lockStateFile(statePath).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuntypeError);
    expect(error).toMatchObject({
      code: 'EMULATOR_STATE_LOCKED',
      meta: {
        file: statePath,
        lockFile: `${statePath}.lock`,
        pid: 4242,
        hostname: 'some-other-host',
      },
    });
    expect((error as RuntypeError).message).toBe(
      `Another emulator is using the state file ${statePath} (pid 4242 on host some-other-host, started 2025-01-01T00:00:00.000Z).`,
    );
    await writeFile(
      `${statePath}.lock`,
      JSON.stringify({ pid: deadPid(), hostname: hostname(), startedAt: '' }),
    );
    const emu = await startEmulator({ statePath });
    expect(JSON.parse(await readFile(`${statePath}.lock`, 'utf8'))).toMatchObject({
      pid: process.pid,
      hostname: hostname(),
    });
    await emu.close();
    expect(existsSync(`${statePath}.lock`)).toBe(false);
  });

  it('releases the lock when the state file is refused, or the port is taken', async () => {
    const statePath = join(tempDir(), 'state.json');
    await writeFile(statePath, 'not json');
    await expect(startEmulator({ statePath })).rejects.toMatchObject({
      code: 'EMULATOR_STATE_INVALID',
    });
    expect(existsSync(`${statePath}.lock`)).toBe(false);
    const holder = await startEmulator();
    try {
      await expect(
        startEmulator({ statePath: join(tempDir(), 'other.json'), port: holder.port }),
      ).rejects.toMatchObject({ code: 'EADDRINUSE' });
      expect(existsSync(join(tempDir(), 'other.json.lock'))).toBe(false);
    } finally {
      await holder.close();
    }
  });
});
