/**
 * Emulator throughput on loopback. The emulator runs in a worker thread (its own event loop,
 * as a separate server process would) and an undici Pool in the main thread drives it:
 * creates/s and list requests/s in memory mode, then creates/s with persistence (coalesced
 * atomic rewrites of the state file) and the reload time. One row repeats the create run with
 * client and server sharing one thread, as in the test suites.
 *
 *   npx jiti -e "import('./bench/emulator-throughput.ts').then((m) => m.run())"
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Pool } from 'undici';
import { startEmulator } from '../src/emulator/index.js';
import type { EmulatorOptions } from '../src/emulator/index.js';

const CONNECTIONS = 16;
const CONCURRENCY = 64;

interface Row {
  scenario: string;
  requests: number;
  seconds: string;
  'req/s': number;
  note: string;
}

interface Target {
  url: string;
  key: string;
  count(): Promise<number>;
  /** Closes the emulator; resolves to the time close (incl. the state flush) took, in ms. */
  close(): Promise<number>;
}

/** The worker: loads the TypeScript emulator through jiti and answers tiny RPC messages. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createJiti } = require(workerData.jiti);
createJiti(workerData.entry).import(workerData.entry).then(({ startEmulator }) => {
  let emu;
  parentPort.on('message', async ({ cmd, options }) => {
    const started = performance.now();
    if (cmd === 'start') {
      emu = await startEmulator(options);
      parentPort.postMessage({ url: emu.url, key: emu.key, ms: performance.now() - started });
    }
    if (cmd === 'count') parentPort.postMessage(emu.state.count());
    if (cmd === 'close') {
      await emu.close();
      parentPort.postMessage(performance.now() - started);
    }
  });
  parentPort.postMessage('ready');
});`;

/**
 * A worker thread hosting one emulator at a time (kept across emulators, so its JIT stays warm).
 */
class EmulatorThread {
  private readonly worker: Worker;
  private constructor(worker: Worker) {
    this.worker = worker;
  }

  static async spawn(): Promise<EmulatorThread> {
    const entry = fileURLToPath(new URL('../src/emulator/index.ts', import.meta.url));
    const jiti = createRequire(import.meta.url).resolve('jiti');
    const thread = new EmulatorThread(
      new Worker(WORKER_SOURCE, { eval: true, workerData: { entry, jiti } }),
    );
    await thread.next();
    return thread;
  }

  private next<T>(): Promise<T> {
    return new Promise((resolve, reject) => {
      this.worker.once('message', resolve);
      this.worker.once('error', reject);
    });
  }

  private ask<T>(cmd: string, options?: EmulatorOptions): Promise<T> {
    const reply = this.next<T>();
    this.worker.postMessage({ cmd, options });
    return reply;
  }

  /**
   * Starts an emulator in the thread; `startMs` is the time startEmulator took (incl. loading
   * state).
   */
  async start(options: EmulatorOptions): Promise<Target & { startMs: number }> {
    const { url, key, ms } = await this.ask<{ url: string; key: string; ms: number }>(
      'start',
      options,
    );
    return {
      url,
      key,
      startMs: ms,
      count: () => this.ask<number>('count'),
      close: () => this.ask<number>('close'),
    };
  }

  async exit(): Promise<void> {
    await this.worker.terminate();
  }
}

async function startInProcess(options: EmulatorOptions): Promise<Target> {
  const emu = await startEmulator(options);
  return {
    url: emu.url,
    key: emu.key,
    count: () => Promise.resolve(emu.state.count()),
    close: async () => {
      const started = performance.now();
      await emu.close();
      return performance.now() - started;
    },
  };
}

function createBody(i: number): string {
  return JSON.stringify({
    name: `Bench flow ${i}`,
    description: 'throughput benchmark',
    steps: [
      {
        id: 'greeting',
        name: 'Generate Greeting',
        type: 'prompt',
        config: { model: 'gpt-4', userPrompt: 'Hello {{name}}', outputVariable: 'greeting' },
      },
      {
        name: 'Shape',
        type: 'transform-data',
        config: { script: 'return { summary: variables.greeting }' },
      },
    ],
  });
}

/** Sends `total` requests with CONCURRENCY in flight; returns elapsed seconds. */
async function drive(
  target: Target,
  pool: Pool,
  total: number,
  method: 'GET' | 'POST',
  path: (i: number) => string,
  expected: number,
): Promise<number> {
  const headers = { authorization: `Bearer ${target.key}`, 'content-type': 'application/json' };
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total) {
      const i = next++;
      const res = await pool.request({
        method,
        path: path(i),
        headers,
        body: method === 'POST' ? createBody(i) : undefined,
      });
      await res.body.dump();
      if (res.statusCode !== expected)
        throw new Error(`${method} ${path(i)}: expected ${expected}, got ${res.statusCode}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, total) }, worker));
  return (performance.now() - started) / 1000;
}

function row(scenario: string, requests: number, seconds: number, note = ''): Row {
  return {
    scenario,
    requests,
    seconds: seconds.toFixed(2),
    'req/s': Math.round(requests / seconds),
    note,
  };
}

const CREATE = (): string => '/v1/flows';

async function memoryMode(
  rows: Row[],
  start: (o: EmulatorOptions) => Promise<Target>,
  label: string,
  withLists: boolean,
): Promise<void> {
  const target = await start({});
  const pool = new Pool(target.url, { connections: CONNECTIONS });
  try {
    await drive(target, pool, 2000, 'POST', CREATE, 201); // warm-up (JIT, connections)
    const creates = 20_000;
    const seconds = await drive(target, pool, creates, 'POST', CREATE, 201);
    rows.push(
      row(`create, memory (${label})`, creates, seconds, `${await target.count()} flows stored`),
    );
    if (!withLists) return;
    const lists = 5_000;
    rows.push(
      row(
        'list limit=20',
        lists,
        await drive(target, pool, lists, 'GET', () => '/v1/flows?limit=20', 200),
      ),
    );
    rows.push(
      row(
        'list limit=100&includeCount',
        lists,
        await drive(target, pool, lists, 'GET', () => '/v1/flows?limit=100&includeCount=true', 200),
      ),
    );
    const deep = Buffer.from(JSON.stringify({ createdAt: '9999', id: '', dir: 'prev' })).toString(
      'base64url',
    );
    rows.push(
      row(
        'list limit=50 via cursor (prev from end)',
        lists,
        await drive(target, pool, lists, 'GET', () => `/v1/flows?limit=50&cursor=${deep}`, 200),
      ),
    );
    const searches = 1_000;
    rows.push(
      row(
        'list search (scans 22k names)',
        searches,
        await drive(
          target,
          pool,
          searches,
          'GET',
          (i) => `/v1/flows?search=flow%20${i % 997}&limit=20`,
          200,
        ),
      ),
    );
  } finally {
    await pool.close();
    await target.close();
  }
}

async function persistenceMode(rows: Row[], thread: EmulatorThread): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'rt-emu-bench-'));
  const statePath = join(dir, 'state.json');
  try {
    // Baseline under the same conditions (warm thread, fresh pool, 500 creates) without a file.
    const memory = await thread.start({});
    const memoryPool = new Pool(memory.url, { connections: CONNECTIONS });
    rows.push(
      row(
        'create, memory (500, baseline for below)',
        500,
        await drive(memory, memoryPool, 500, 'POST', CREATE, 201),
      ),
    );
    await memoryPool.close();
    await memory.close();
    for (const round of ['first 500', 'next 500 after reload']) {
      const target = await thread.start({ statePath });
      const { startMs } = target;
      const pool = new Pool(target.url, { connections: CONNECTIONS });
      const seconds = await drive(target, pool, 500, 'POST', CREATE, 201);
      await pool.close();
      const closeMs = await target.close();
      const size = (await stat(statePath)).size;
      const saved = (JSON.parse(await readFile(statePath, 'utf8')) as { flows: unknown[] }).flows
        .length;
      rows.push(
        row(
          `create, persisted (${round})`,
          500,
          seconds,
          `start ${startMs.toFixed(0)} ms, close+flush ${closeMs.toFixed(0)} ms, file ${saved} flows / ${(size / 1024).toFixed(0)} KiB`,
        ),
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const rows: Row[] = [];
  const thread = await EmulatorThread.spawn();
  try {
    await memoryMode(rows, (o) => thread.start(o), 'server in worker thread', true);
    await persistenceMode(rows, thread);
  } finally {
    await thread.exit();
  }
  await memoryMode(rows, startInProcess, 'client+server in one thread', false);
  console.log(
    `\nRuntype emulator throughput (loopback, undici Pool ${CONNECTIONS} connections, ${CONCURRENCY} requests in flight)`,
  );
  console.table(rows);
}
