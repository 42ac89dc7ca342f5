import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulatorProject, type EmulatorProject } from '../helpers/emulator-project.js';
import { flowSource } from '../helpers/project.js';

/**
 * "Never a duplicate" when an update answers 404: the flow was listed moments before, so the
 * tool reads the account again (by id, then by name) before it creates anything. A proxy in
 * front of the emulator stands for the race (or a misbehaving server) on the first PUT.
 */
let env: EmulatorProject;
let proxy: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  proxy = undefined;
  await env.cleanup();
});

type OnPut = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Forwards everything to the emulator, except what `onFirstPut` answers itself (returns true). */
async function startProxy(target: string, onFirstPut: OnPut): Promise<string> {
  let puts = 0;
  proxy = createServer((req, res) => {
    if (req.method === 'PUT' && (puts += 1) === 1 && onFirstPut(req, res)) return;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const headers = { ...req.headers, host: new URL(target).host };
      request(`${target}${req.url ?? '/'}`, { method: req.method as 'GET', headers, body })
        .then(async (answer) => {
          res.writeHead(answer.statusCode, answer.headers as Record<string, string>);
          res.end(Buffer.from(await answer.body.arrayBuffer()));
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

async function syncedThroughProxy(onFirstPut: OnPut): Promise<string> {
  env = await createEmulatorProject(0);
  env.project.write('flows/a.ts', flowSource('a', 'Flow A'));
  const url = await startProxy(env.emu.url, onFirstPut);
  const config = env.project.read('runtype.config.ts');
  env.project.write(
    'runtype.config.ts',
    config.replace(JSON.stringify(env.emu.url), JSON.stringify(url)),
  );
  expect((await env.cli('sync')).code).toBe(0);
  env.project.write('flows/a.ts', flowSource('a', 'Flow A', { prompt: 'Edited {{topic}}' }));
  env.emu.clearRequests();
  return env.lockfile().environments.test!.flows.a!.id;
}

const notFound = (_req: IncomingMessage, res: ServerResponse): boolean => {
  res
    .writeHead(404, { 'content-type': 'application/json' })
    .end(JSON.stringify({ error: 'Flow not found' }));
  return true;
};

describe('an update answered 404', () => {
  it('while the flow is still there: the update fails, nothing is created', async () => {
    const id = await syncedThroughProxy(notFound);
    const run = await env.cli('sync');
    expect(run.code).toBe(1);
    expect(env.emu.state.count()).toBe(1);
    expect(env.emu.requests.filter((r) => r.method === 'POST')).toEqual([]);
    expect(env.emu.requests.map((r) => `${r.method} ${r.path}`)).toContain(`GET /v1/flows/${id}`);
    expect(env.lockfile().environments.test!.flows.a!.id).toBe(id);
  });

  it('gone, but an untracked flow of that name exists: it is adopted, not duplicated', async () => {
    let replacement = '';
    const id = await syncedThroughProxy((req) => {
      // The race: between the listing and the PUT, the flow is deleted and made again by hand.
      const trackedId = decodeURIComponent(req.url?.split('/').at(-1) ?? '');
      const original = env.emu.state.get(trackedId)!;
      env.emu.state.delete(trackedId);
      replacement = env.emu.state.create({ name: original.name, steps: original.flowSteps }).id;
      return false; // forwarded: the emulator answers 404 itself
    });
    const run = await env.cli('sync', '--json');
    expect(run.code, run.stdout).toBe(0);
    expect(env.emu.state.count()).toBe(1);
    // No create (the publish that follows the adoption is the only POST).
    const creates = env.emu.requests.filter((r) => r.method === 'POST' && r.path === '/v1/flows');
    expect(creates).toEqual([]);
    const entry = env.lockfile().environments.test!.flows.a!;
    expect(entry.id).toBe(replacement);
    expect(entry.id).not.toBe(id);
    expect(JSON.parse(run.stdout)).toMatchObject({ outcomes: [{ key: 'a', action: 'adopted' }] });
  });

  it('gone, and nothing of that name: recreated once', async () => {
    await syncedThroughProxy((req) => {
      env.emu.state.delete(decodeURIComponent(req.url?.split('/').at(-1) ?? ''));
      return false;
    });
    const run = await env.cli('sync', '--json');
    expect(run.code).toBe(0);
    expect(env.emu.state.count()).toBe(1);
    // One create (then its publish).
    const creates = env.emu.requests.filter((r) => r.method === 'POST' && r.path === '/v1/flows');
    expect(creates).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ outcomes: [{ key: 'a', action: 'recreated' }] });
  });
});
