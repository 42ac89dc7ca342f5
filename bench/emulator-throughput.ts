/**
 * Emulator throughput on loopback: creates/s and list requests/s in memory mode, then creates/s
 * with persistence (coalesced atomic writes of the state file). The client (an undici Pool) runs
 * in the same process, so the figures are a lower bound for the server alone.
 *
 *   npx jiti -e "import('./bench/emulator-throughput.ts').then((m) => m.run())"
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { startEmulator } from '../src/emulator/index.js';
import type { Emulator } from '../src/emulator/index.js';

const CONNECTIONS = 32;
const CONCURRENCY = 64;

interface Row {
  scenario: string;
  requests: number;
  seconds: string;
  'req/s': number;
  note: string;
}

/** Runs `total` calls of `one(i)` with `CONCURRENCY` in flight; returns elapsed seconds. */
async function drive(total: number, one: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total) await one(next++);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, total) }, worker));
  return (performance.now() - started) / 1000;
}

function createBody(i: number): string {
  return JSON.stringify({
    name: `Bench flow ${i}`,
    description: 'throughput benchmark',
    steps: [
      { id: 'greeting', name: 'Generate Greeting', type: 'prompt', config: { model: 'gpt-4', userPrompt: 'Hello {{name}}', outputVariable: 'greeting' } },
      { name: 'Shape', type: 'transform-data', config: { script: 'return { summary: variables.greeting }' } },
    ],
  });
}

async function call(pool: Pool, emu: Emulator, method: 'GET' | 'POST', path: string, expected: number, body?: string): Promise<void> {
  const res = await pool.request({
    method,
    path,
    headers: { authorization: `Bearer ${emu.key}`, 'content-type': 'application/json' },
    body,
  });
  await res.body.dump();
  if (res.statusCode !== expected) throw new Error(`${method} ${path}: expected ${expected}, got ${res.statusCode}`);
}

function row(scenario: string, requests: number, seconds: number, note = ''): Row {
  return { scenario, requests, seconds: seconds.toFixed(2), 'req/s': Math.round(requests / seconds), note };
}

async function memoryMode(rows: Row[]): Promise<void> {
  const emu = await startEmulator();
  const pool = new Pool(emu.url, { connections: CONNECTIONS });
  try {
    await drive(1000, (i) => call(pool, emu, 'POST', '/v1/flows', 201, createBody(i))); // warm-up
    const creates = 20_000;
    rows.push(row('create (memory)', creates, await drive(creates, (i) => call(pool, emu, 'POST', '/v1/flows', 201, createBody(i))), `${emu.state.count()} flows`));
    const lists = 5_000;
    rows.push(row('list limit=20 (memory)', lists, await drive(lists, () => call(pool, emu, 'GET', '/v1/flows?limit=20', 200))));
    rows.push(row('list limit=100 includeCount', lists, await drive(lists, () => call(pool, emu, 'GET', '/v1/flows?limit=100&includeCount=true', 200))));
    const searches = 1_000;
    rows.push(row('list search (O(n) scan)', searches, await drive(searches, () => call(pool, emu, 'GET', '/v1/flows?search=flow%201999&limit=20', 200)), '21k flows scanned'));
  } finally {
    await pool.close();
    await emu.close();
  }
}

async function persistenceMode(rows: Row[]): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'rt-emu-bench-'));
  const statePath = join(dir, 'state.json');
  try {
    const emu = await startEmulator({ statePath });
    const pool = new Pool(emu.url, { connections: CONNECTIONS });
    const creates = 500;
    const seconds = await drive(creates, (i) => call(pool, emu, 'POST', '/v1/flows', 201, createBody(i)));
    await pool.close();
    const closeStarted = performance.now();
    await emu.close();
    const closeMs = performance.now() - closeStarted;
    const size = (await stat(statePath)).size;
    const flows = (JSON.parse(await readFile(statePath, 'utf8')) as { flows: unknown[] }).flows.length;
    rows.push(row('create (persisted)', creates, seconds, `close+flush ${closeMs.toFixed(0)} ms, ${flows} flows, ${(size / 1024).toFixed(0)} KiB`));

    const restarted = startEmulator({ statePath });
    const loadStarted = performance.now();
    const emu2 = await restarted;
    const loadMs = performance.now() - loadStarted;
    const pool2 = new Pool(emu2.url, { connections: CONNECTIONS });
    const more = 500;
    const seconds2 = await drive(more, (i) => call(pool2, emu2, 'POST', '/v1/flows', 201, createBody(i)));
    await pool2.close();
    await emu2.close();
    rows.push(row('create (persisted, reloaded)', more, seconds2, `load ${loadMs.toFixed(0)} ms, then ${emu2.state.count()} flows`));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const rows: Row[] = [];
  await memoryMode(rows);
  await persistenceMode(rows);
  console.log(`\nRuntype emulator throughput (loopback, ${CONNECTIONS} connections, ${CONCURRENCY} in flight, client in-process)`);
  console.table(rows);
}
