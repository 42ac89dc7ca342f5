/** A read-only emulator shares a state file with the writer holding it, and never touches it. */
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { call, createFlow, parse, startEmulator, useTempDir } from './helpers.js';
import { listSchema } from './schemas.js';

const tempDir = useTempDir('rt-emu-ro-');

const names = async (emu: Emulator): Promise<string[]> =>
  parse(listSchema, (await call(emu, 'GET', '/v1/flows?limit=100')).json).data.map((f) => f.name);
const savedNames = async (statePath: string): Promise<string[]> =>
  (JSON.parse(await readFile(statePath, 'utf8')) as { flows: { name: string }[] }).flows.map(
    (f) => f.name,
  );

describe('a read-only emulator', () => {
  it('starts while a writer holds the state file, sees its flows, and leaves the writer’s saves alone', async () => {
    const statePath = join(tempDir(), 'local.json');
    const writer = await startEmulator({ statePath });
    try {
      await createFlow(writer, { name: 'one' });
      await createFlow(writer, { name: 'two' });
      await writer.flush();
      const lock = await readFile(`${statePath}.lock`, 'utf8');

      const reader = await startEmulator({ statePath, readOnly: true });
      const before = { text: await readFile(statePath, 'utf8'), ino: (await stat(statePath)).ino };
      try {
        expect(await names(reader)).toEqual(['one', 'two']);
        reader.state.create({ name: 'memory only' }); // direct changes stay in memory
        await reader.flush(); // a no-op
        expect(await readFile(statePath, 'utf8')).toBe(before.text);
      } finally {
        await reader.close();
      }
      expect(await readFile(statePath, 'utf8')).toBe(before.text);
      expect((await stat(statePath)).ino).toBe(before.ino);
      expect(await readFile(`${statePath}.lock`, 'utf8')).toBe(lock); // still the writer's

      await createFlow(writer, { name: 'three' });
      await writer.flush();
      expect(await savedNames(statePath)).toEqual(['one', 'two', 'three']);
    } finally {
      await writer.close();
    }
    expect(existsSync(`${statePath}.lock`)).toBe(false);
    expect(await savedNames(statePath)).toEqual(['one', 'two', 'three']);
  });

  it('refuses HTTP writes with 405 EMULATOR_READ_ONLY and applies none; reads work', async () => {
    const statePath = join(tempDir(), 'local.json');
    const seed = await startEmulator({ statePath });
    const flow = seed.state.create({ name: 'kept' });
    await seed.close();
    const text = await readFile(statePath, 'utf8');
    const reader = await startEmulator({ statePath, readOnly: true });
    try {
      const writes = [
        await call(reader, 'POST', '/v1/flows', { body: { name: 'new' } }),
        await call(reader, 'PUT', `/v1/flows/${flow.id}`, { body: { name: 'renamed' } }),
        await call(reader, 'DELETE', `/v1/flows/${flow.id}`),
        await call(reader, 'POST', `/v1/flows/${flow.id}/publish`),
      ];
      expect(writes.map((r) => [r.status, r.json.details[0].code])).toEqual(
        Array.from({ length: 4 }, () => [405, 'EMULATOR_READ_ONLY']),
      );
      expect(writes[0]!.json.error).toContain('read-only');
      expect(writes.map((r) => r.headers.allow)).toEqual(['GET', 'GET', 'GET', '']);
      expect((await call(reader, 'GET', `/v1/flows/${flow.id}`)).json).toMatchObject({
        name: 'kept',
      });
      expect(await names(reader)).toEqual(['kept']);
    } finally {
      await reader.close();
    }
    expect(await readFile(statePath, 'utf8')).toBe(text);
  });

  it('reads one whole version of a file the writer keeps replacing', async () => {
    const statePath = join(tempDir(), 'local.json');
    const writer = await startEmulator({ statePath, persistIntervalMs: 60_000 });
    try {
      const description = 'x'.repeat(4000);
      for (let i = 0; i < 300; i++) writer.state.create({ name: `f${i}`, description });
      await writer.flush(); // ~1.3 MB
      let saving = true;
      const saves = (async () => {
        for (let i = 0; saving && i < 200; i++) {
          writer.state.create({ name: `more ${i}`, description });
          await writer.flush();
        }
      })();
      const seen: number[] = [];
      try {
        for (let round = 0; round < 15; round++) {
          const reader = await startEmulator({ statePath, readOnly: true });
          seen.push(reader.state.count());
          await reader.close();
        }
      } finally {
        saving = false;
        await saves;
      }
      // Every start loaded a complete file (no EMULATOR_STATE_INVALID), each a version at least as
      // new as the last.
      expect(seen.every((n, i) => n >= 300 && n >= (seen[i - 1] ?? 0))).toBe(true);
      expect(seen.at(-1)! > 300).toBe(true); // saves really ran in between
    } finally {
      await writer.close();
    }
  });

  it('creates nothing: a missing state file is an empty state; an unusable one is still refused', async () => {
    const statePath = join(tempDir(), 'not', 'there.json');
    const reader = await startEmulator({ statePath, readOnly: true });
    expect(reader.state.count()).toBe(0);
    await reader.close();
    expect(existsSync(join(tempDir(), 'not'))).toBe(false);
    const broken = join(tempDir(), 'broken.json');
    await writeFile(broken, '{"format": "runtype-emul');
    await expect(startEmulator({ statePath: broken, readOnly: true })).rejects.toMatchObject({
      code: 'EMULATOR_STATE_INVALID',
    });
    expect(await readFile(broken, 'utf8')).toBe('{"format": "runtype-emul');
  });
});
