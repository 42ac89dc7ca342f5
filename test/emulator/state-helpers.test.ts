import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { call, parse, startEmulator } from './helpers.js';
import { flowSchema } from './schemas.js';

let emu: Emulator;
let clock = Date.parse('2025-06-01T12:00:00.000Z');
beforeAll(async () => {
  emu = await startEmulator({ now: () => clock, userId: 'user_test' });
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.state.clear();
  emu.clearRequests();
});

describe('emu.state', () => {
  it('create simulates a flow made by another tool: visible over HTTP, not in the request log', async () => {
    const flow = emu.state.create({
      name: 'From the dashboard',
      steps: [{ name: 'a', type: 'prompt' }],
    });
    parse(flowSchema, flow);
    expect(flow).toMatchObject({
      userId: 'user_test',
      createdAt: '2025-06-01T12:00:00.000Z',
      stepCount: 1,
    });
    expect(emu.requests).toEqual([]);
    const res = await call(emu, 'GET', `/v1/flows/${flow.id}`);
    expect(res.json).toEqual(flow);
  });

  it('update simulates an out-of-band edit that bumps updatedAt and opens a draft', async () => {
    const flow = emu.state.create({ name: 'Edited elsewhere' });
    emu.state.publish(flow.id);
    clock += 5_000;
    const edited = emu.state.update(flow.id, {
      steps: [{ name: 'new', type: 'prompt' }],
      lastRunAt: '2025-06-01T12:00:01.000Z',
    });
    expect(edited.updatedAt).toBe('2025-06-01T12:00:05.000Z');
    expect(edited.createdAt).toBe(flow.createdAt);
    expect(edited).toMatchObject({ stepCount: 1, lastRunAt: '2025-06-01T12:00:01.000Z' });
    expect(emu.state.versions(flow.id).map((v) => [v.versionNumber, v.versionType])).toEqual([
      [1, 'published'],
      [2, 'draft'],
    ]);
    const listed = (await call(emu, 'GET', '/v1/flows')).json.data[0];
    expect(listed).toMatchObject({ updatedAt: edited.updatedAt, lastRunAt: edited.lastRunAt });
  });

  it('accepts flowSteps as well as steps, like the API', () => {
    const flow = emu.state.create({ name: 'Alias', flowSteps: [{ name: 'a', type: 'prompt' }] });
    expect(flow.stepCount).toBe(1);
    const edited = emu.state.update(flow.id, {
      flowSteps: [
        { name: 'b', type: 'prompt' },
        { name: 'c', type: 'prompt' },
      ],
    });
    expect(edited.flowSteps.map((s) => s.name)).toEqual(['b', 'c']);
    expect(
      emu.state.update(flow.id, { steps: [], flowSteps: [{ name: 'd', type: 'prompt' }] })
        .stepCount,
    ).toBe(1); // flowSteps wins
  });

  it('validates like the API and throws for unknown ids', () => {
    expect(() => emu.state.create({ name: '' })).toThrow(/name/);
    expect(() => emu.state.create({ name: 'x', steps: [{ name: 'a' }] })).toThrow(/steps\.0\.type/);
    expect(() => emu.state.update('missing', { name: 'x' })).toThrow(/missing/);
    expect(() => emu.state.publish('missing')).toThrow(/missing/);
    expect(emu.state.delete('missing')).toBe(false);
  });

  it('returns copies: mutating a result does not change the state', () => {
    const flow = emu.state.create({
      name: 'Immutable',
      steps: [{ name: 'a', type: 'prompt', config: { k: 1 } }],
    });
    flow.name = 'changed';
    flow.flowSteps[0]!.config!.k = 2;
    expect(emu.state.get(flow.id)).toMatchObject({
      name: 'Immutable',
      flowSteps: [{ config: { k: 1 } }],
    });
  });

  it('delete and clear remove flows; count and flows reflect them', () => {
    const a = emu.state.create({ name: 'a' });
    emu.state.create({ name: 'b' });
    expect(emu.state.count()).toBe(2);
    expect(emu.state.delete(a.id)).toBe(true);
    expect(emu.state.flows().map((f) => f.name)).toEqual(['b']);
    emu.state.clear();
    expect(emu.state.count()).toBe(0);
  });
});

describe('handle', () => {
  it('exposes url without /v1, apiUrl with it, the local key and the port', () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emu.apiUrl).toBe(`${emu.url}/v1`);
    expect(emu.url.endsWith(`:${emu.port}`)).toBe(true);
    expect(emu.key).toBe('rt_test_local_emulator');
    expect(emu.host).toBe('127.0.0.1');
  });

  it('listens on loopback only and reports the address it really bound', async () => {
    for (const host of ['0.0.0.0', '::', '10.0.0.1', 'my-laptop.local']) {
      await expect(startEmulator({ host })).rejects.toMatchObject({
        code: 'EMULATOR_HOST_NOT_LOOPBACK',
        meta: { host },
      });
    }
    const local = await startEmulator({ host: 'localhost' });
    try {
      expect(['127.0.0.1', '::1']).toContain(local.host);
      expect(local.url).toBe(`http://${local.host === '::1' ? '[::1]' : local.host}:${local.port}`);
      expect((await call(local, 'GET', '/v1/flows')).status).toBe(200);
    } finally {
      await local.close();
    }
  });

  it('keeps request bodies only in a memory-only emulator, unless told otherwise', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rt-emu-log-'));
    const persistent = await startEmulator({ statePath: join(dir, 'state.json') });
    const bodiless = await startEmulator({ logBodies: false });
    try {
      for (const target of [emu, persistent, bodiless])
        await call(target, 'POST', '/v1/flows', { body: { name: 'logged?' } });
      expect(emu.requests[0]!.body).toEqual({ name: 'logged?' });
      for (const target of [persistent, bodiless]) {
        expect(target.requests).toEqual([expect.objectContaining({ method: 'POST', status: 201 })]);
        expect(target.requests[0]).not.toHaveProperty('body');
      }
    } finally {
      await Promise.all([persistent.close(), bodiless.close()]);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('bounds the request log', async () => {
    const small = await startEmulator({ requestLogLimit: 10 });
    try {
      for (let i = 0; i < 40; i++) await call(small, 'GET', `/v1/flows?i=${i}`);
      const log = small.requests;
      expect(log.length).toBeGreaterThanOrEqual(10);
      expect(log.length).toBeLessThanOrEqual(13);
      expect(log[log.length - 1]!.query).toBe('i=39');
    } finally {
      await small.close();
    }
  });

  it('close is idempotent and stops answering', async () => {
    const other = await startEmulator();
    await Promise.all([other.close(), other.close()]);
    await other.close();
    await expect(call(other, 'GET', '/v1/flows')).rejects.toThrow();
  });
});
