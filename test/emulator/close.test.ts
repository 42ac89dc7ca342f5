/** After close() resolved, nothing is applied and nothing is written, whatever was in flight. */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { call, startEmulator, useTempDir } from './helpers.js';

const tempDir = useTempDir('rt-emu-close-');

describe('close()', () => {
  it('a write delayed by injected latency does not land after close, and the file is not rewritten', async () => {
    const statePath = join(tempDir(), 'state.json');
    const emu = await startEmulator({ statePath, persistIntervalMs: 10 });
    const victim = emu.state.create({ name: 'victim' });
    const created = emu.state.create({ name: 'other' });
    await emu.flush();
    emu.setFaults({ latencyMs: 150 });
    const inFlight = [
      call(emu, 'DELETE', `/v1/flows/${victim.id}`).then(
        (r) => r.status,
        () => 'socket error',
      ),
      call(emu, 'PUT', `/v1/flows/${created.id}`, { body: { name: 'renamed' } }).then(
        (r) => r.status,
        () => 'socket error',
      ),
      call(emu, 'POST', '/v1/flows', { body: { name: 'late' } }).then(
        (r) => r.status,
        () => 'socket error',
      ),
    ];
    await sleep(30);
    await emu.close();
    const before = await readFile(statePath, 'utf8');
    const mtime = (await stat(statePath)).mtimeMs;
    expect(await Promise.all(inFlight)).toEqual(['socket error', 'socket error', 'socket error']);
    await sleep(300); // past the latency and the writer's interval
    expect(
      emu.state
        .flows()
        .map((f) => f.name)
        .sort(),
    ).toEqual(['other', 'victim']);
    expect(await readFile(statePath, 'utf8')).toBe(before);
    expect((await stat(statePath)).mtimeMs).toBe(mtime);
    expect((JSON.parse(before) as { flows: unknown[] }).flows).toHaveLength(2);
  });

  it('refuses direct state changes afterwards (reads still work)', async () => {
    const statePath = join(tempDir(), 'state.json');
    const emu = await startEmulator({ statePath });
    const flow = emu.state.create({ name: 'kept' });
    await emu.close();
    expect(() => emu.state.create({ name: 'after close' })).toThrow(/closed/);
    expect(() => emu.state.update(flow.id, { name: 'x' })).toThrow(/closed/);
    expect(() => emu.state.delete(flow.id)).toThrow(/closed/);
    expect(() => emu.state.clear()).toThrow(/closed/);
    expect(emu.state.flows().map((f) => f.name)).toEqual(['kept']);
    await emu.flush(); // a no-op, not an error
    expect(
      (JSON.parse(await readFile(statePath, 'utf8')) as { flows: unknown[] }).flows,
    ).toHaveLength(1);
  });
});
