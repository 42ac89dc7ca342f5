import { mkdir, mkdtemp, open, readFile, rm, rmdir } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuntypeError } from '../../src/errors.js';
import { StateWriter } from '../../src/emulator/state-writer.js';
import type { StateFile } from '../../src/emulator/types.js';
import { createFlow, startEmulator } from './helpers.js';

let dir: string;
let unhandled: unknown[];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rt-emu-writer-'));
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  process.off('unhandledRejection', onUnhandled);
  await rm(dir, { recursive: true, force: true });
});

const empty = (): StateFile => ({ format: 'runtype-emulator-state', version: 2, flows: [] });
const readState = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as StateFile;

describe('StateWriter failures', () => {
  it('a background save that throws is reported, keeps the state dirty, and never rejects unobserved', async () => {
    const path = join(dir, 'state.json');
    let broken = true;
    const reported: RuntypeError[] = [];
    const writer = new StateWriter(
      path,
      5,
      () => {
        if (broken) throw new RangeError('Maximum call stack size exceeded');
        return empty();
      },
      (error) => reported.push(error),
    );
    writer.schedule();
    await sleep(60);
    expect(reported.map((e) => e.code)).toEqual(['EMULATOR_STATE_WRITE_FAILED']);
    expect(reported[0]!.message).toContain('Maximum call stack size exceeded');
    expect(reported[0]!.meta).toEqual({ file: path });
    expect(writer.error).toBe(reported[0]);
    expect(unhandled).toEqual([]);
    // Still dirty: once serialising works again, a flush writes the file (no new change needed).
    broken = false;
    await writer.flush();
    expect(await readState(path)).toEqual(empty());
    expect(writer.error).toBeNull();
  });

  it('an explicit flush rejects with the same error', async () => {
    const writer = new StateWriter(join(dir, 'state.json'), 5, () => {
      throw new Error('boom');
    });
    writer.schedule();
    await expect(writer.flush()).rejects.toMatchObject({ code: 'EMULATOR_STATE_WRITE_FAILED' });
    await expect(writer.flush()).rejects.toMatchObject({ code: 'EMULATOR_STATE_WRITE_FAILED' }); // dirty: tried again
  });

  it('in the emulator: a failed background write is logged, serving goes on, and the next flush saves it', async () => {
    const statePath = join(dir, 'state.json');
    const reported: RuntypeError[] = [];
    const emu = await startEmulator({
      statePath,
      persistIntervalMs: 5,
      onError: (e) => reported.push(e),
    });
    try {
      await mkdir(statePath); // a folder where the file should go: the rename fails
      await createFlow(emu, { name: 'kept in memory' });
      for (let i = 0; i < 100 && reported.length === 0; i++) await sleep(10);
      expect(reported[0]?.code).toBe('EMULATOR_STATE_WRITE_FAILED');
      await createFlow(emu, { name: 'still serving' });
      await expect(emu.flush()).rejects.toMatchObject({ code: 'EMULATOR_STATE_WRITE_FAILED' });
      await rmdir(statePath);
      await emu.flush();
      expect((await readState(statePath)).flows.map((f) => f.name)).toEqual([
        'kept in memory',
        'still serving',
      ]);
    } finally {
      await emu.close();
    }
    expect(unhandled).toEqual([]);
  });
});

describe('atomic saves', () => {
  it('replace the file by rename (a new inode each time), never rewrite it in place', async () => {
    const statePath = join(dir, 'state.json');
    const emu = await startEmulator({ statePath, persistIntervalMs: 60_000 });
    try {
      // Each version is held open, so its inode number cannot be recycled for the next one.
      const held: FileHandle[] = [];
      try {
        for (let i = 0; i < 3; i++) {
          emu.state.create({ name: `f${i}` });
          await emu.flush();
          held.push(await open(statePath, 'r'));
        }
        const inodes = await Promise.all(held.map(async (h) => (await h.stat()).ino));
        expect(new Set(inodes).size).toBe(3);
        // The first version is still intact behind its handle: it was replaced, not rewritten.
        expect((JSON.parse(await held[0]!.readFile('utf8')) as StateFile).flows).toHaveLength(1);
      } finally {
        await Promise.all(held.map((h) => h.close()));
      }
    } finally {
      await emu.close();
    }
  });

  it('a reader polling during large saves only ever sees a complete file', async () => {
    const statePath = join(dir, 'state.json');
    const emu = await startEmulator({ statePath, persistIntervalMs: 60_000 });
    try {
      const description = 'x'.repeat(4000);
      for (let i = 0; i < 1000; i++) emu.state.create({ name: `big ${i}`, description });
      await emu.flush(); // ~4 MB
      let reads = 0;
      const bad: string[] = [];
      let writing = true;
      const reader = (async () => {
        while (writing) {
          const text = await readFile(statePath, 'utf8');
          reads++;
          try {
            JSON.parse(text);
          } catch {
            bad.push(`${text.length} bytes`);
          }
        }
      })();
      for (let round = 0; round < 8; round++) {
        emu.state.create({ name: `round ${round}`, description });
        await emu.flush();
      }
      writing = false;
      await reader;
      expect(reads).toBeGreaterThan(0);
      expect(bad).toEqual([]);
      expect((await readState(statePath)).flows).toHaveLength(1008);
    } finally {
      await emu.close();
    }
  });
});
