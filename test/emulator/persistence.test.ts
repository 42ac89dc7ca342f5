import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDto } from '../../src/emulator/index.js';
import { call, createFlow, parse, startEmulator, step } from './helpers.js';
import { listSchema } from './schemas.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rt-emu-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const withoutUrl = (flows: FlowDto[]) => flows.map(({ dashboardUrl: _url, ...rest }) => rest);

describe('persistence', () => {
  it('survives close and restart from the same file, versions included', async () => {
    const statePath = join(dir, 'state.json');
    const first = await startEmulator({ statePath });
    const a = await createFlow(first, {
      name: 'Alpha',
      description: 'first',
      steps: [step('one'), step('two', 'transform-data', { when: 'x' })],
    });
    await createFlow(first, { name: 'Beta' });
    await call(first, 'PUT', `/v1/flows/${a.id}`, { body: { name: 'Alpha 2' } });
    const published = (await call(first, 'POST', `/v1/flows/${a.id}/publish`)).json
      .publishedVersionId as string;
    const before = first.state.flows();
    const versionsBefore = (await call(first, 'GET', `/v1/flow-versions/${a.id}`)).json;
    await first.close();

    const text = await readFile(statePath, 'utf8');
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(JSON.parse(text)).toMatchObject({ format: 'runtype-emulator-state', version: 2 });
    expect(text.endsWith('\n')).toBe(true);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const second = await startEmulator({ statePath });
    try {
      expect(withoutUrl(second.state.flows())).toEqual(withoutUrl(before));
      expect((await call(second, 'GET', `/v1/flow-versions/${a.id}`)).json).toEqual(versionsBefore);
      expect((await call(second, 'GET', `/v1/flow-versions/${a.id}/published`)).json.id).toBe(
        published,
      );
      const list = parse(listSchema, (await call(second, 'GET', '/v1/flows')).json);
      expect(list.data.map((f) => f.name)).toEqual(['Alpha 2', 'Beta']);
      // New writes continue on top of the loaded state.
      await call(second, 'DELETE', `/v1/flows/${a.id}`);
    } finally {
      await second.close();
    }
    const third = await startEmulator({ statePath });
    expect(third.state.flows().map((f) => f.name)).toEqual(['Beta']);
    await third.close();
  });

  it('coalesces a burst of writes and flushes on close', async () => {
    const statePath = join(dir, 'nested', 'deeper', 'state.json');
    const emu = await startEmulator({ statePath, persistIntervalMs: 60_000 });
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => createFlow(emu, { name: `burst ${batch * 20 + i}` })),
      );
    }
    // Within the interval nothing has been written yet: 200 requests, zero rewrites so far.
    await expect(readFile(statePath, 'utf8')).rejects.toThrow(/ENOENT/);
    await emu.close();
    const saved = JSON.parse(await readFile(statePath, 'utf8')) as { flows: unknown[] };
    expect(saved.flows).toHaveLength(200);
  });

  it('writes in the background shortly after a change, without close', async () => {
    const statePath = join(dir, 'state.json');
    const emu = await startEmulator({ statePath, persistIntervalMs: 10 });
    try {
      await createFlow(emu, { name: 'eventually saved' });
      let saved: { flows: { name: string }[] } | undefined;
      for (let i = 0; i < 100 && saved === undefined; i++) {
        await sleep(10);
        saved = await readFile(statePath, 'utf8').then(
          (t) => JSON.parse(t) as { flows: { name: string }[] },
          () => undefined,
        );
      }
      expect(saved?.flows.map((f) => f.name)).toEqual(['eventually saved']);
      emu.state.update(emu.state.flows()[0]!.id, { name: 'renamed out of band' });
      await emu.flush();
      const flushed = JSON.parse(await readFile(statePath, 'utf8')) as {
        flows: { name: string }[];
      };
      expect(flushed.flows.map((f) => f.name)).toEqual(['renamed out of band']);
    } finally {
      await emu.close();
    }
  });

  it('reports a failed write on close', async () => {
    const statePath = join(dir, 'blocked');
    const emu = await startEmulator({ statePath, persistIntervalMs: 60_000 });
    await mkdir(statePath); // a folder where the file should go: rename fails
    emu.state.create({ name: 'x' });
    await expect(emu.close()).rejects.toThrow();
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps nothing on disk in memory mode', async () => {
    const emu = await startEmulator();
    emu.state.create({ name: 'ephemeral' });
    await emu.flush();
    await emu.close();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('state file versions', () => {
  it('migrates a version 1 file: status dropped, `when` made a string, order an integer, versions named', async () => {
    const statePath = join(dir, 'state.json');
    const at = '2025-01-01T00:00:00.000Z';
    const oldStep = {
      id: 's1',
      type: 'prompt',
      name: 'S',
      config: {},
      enabled: true,
      order: 1.5,
      when: { op: 'gt' },
    };
    const draft = {
      id: 'flowver_1',
      versionNumber: 1,
      versionType: 'draft',
      label: null,
      notes: null,
      steps: [oldStep],
      createdAt: at,
    };
    const flow = {
      id: '00000000-0000-4000-8000-000000000001',
      name: 'Old',
      description: null,
      status: 'active',
      steps: [oldStep],
      createdAt: at,
      updatedAt: at,
      lastRunAt: null,
      userId: 'u',
      draft,
      versions: [],
      publishedVersionId: null,
    };
    await writeFile(
      statePath,
      JSON.stringify({ format: 'runtype-emulator-state', version: 1, flows: [flow] }),
    );
    const emu = await startEmulator({ statePath });
    try {
      expect(emu.state.get(flow.id)?.flowSteps).toEqual([
        { id: 's1', type: 'prompt', name: 'S', config: {}, enabled: true, order: 2 },
      ]);
      const steps = await call(emu, 'GET', `/v1/flow-steps/flow/${flow.id}`);
      expect(steps.json.data[0].when).toBe('{"op":"gt"}');
      const version = await call(emu, 'GET', `/v1/flow-versions/${flow.id}/flowver_1`);
      expect(version.json.flowConfig.name).toBe('Old');
      emu.state.update(flow.id, { name: 'New' });
    } finally {
      await emu.close();
    }
    expect(JSON.parse(await readFile(statePath, 'utf8'))).toMatchObject({
      version: 2,
      flows: [{ name: 'New' }],
    });
  });
});
