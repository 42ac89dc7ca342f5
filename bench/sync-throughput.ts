/**
 * End-to-end sync of N flows against the in-process emulator: first sync
 * (all creates), a no-op re-sync, a sync after editing 10% of the flows, and
 * plan --refresh — with no latency and with 20 ms per request (a real API).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../src/cli/main.js';
import { startEmulator } from '../src/emulator/index.js';

const KEY = 'rt_test_bench_key_0123456789';

export async function run(): Promise<void> {
  console.log(
    '| flows | latency | first sync (creates) | no-op sync | 10% edited | plan --refresh |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const [count, latency] of [
    [1000, 0],
    [2000, 0],
    [500, 20],
  ] as const) {
    const row = await measure(count, latency);
    console.log(
      `| ${count} | ${latency} ms | ${row.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(' | ')} |`,
    );
  }
}

async function measure(count: number, latencyMs: number): Promise<number[]> {
  const emu = await startEmulator({ key: KEY, requestLogLimit: 0, faults: { latencyMs } });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runtype-bench-sync-'));
  try {
    writeFileSync(
      path.join(dir, 'runtype.config.ts'),
      `export default { defaultEnvironment: 'bench', concurrency: 16, environments: { bench: { url: ${JSON.stringify(emu.url)} } } };\n`,
    );
    mkdirSync(path.join(dir, 'flows'));
    const write = (i: number, text: string) =>
      writeFileSync(
        path.join(dir, 'flows', `f${i}.ts`),
        `import { defineFlow, prompt } from 'runtype-flows';\nexport default defineFlow({ key: 'f${i}', name: 'Flow ${i}', inputs: ['t'], steps: [prompt('p', { name: 'P', model: 'gpt-4', userPrompt: '${text} {{t}}' })] });\n`,
      );
    for (let i = 0; i < count; i += 1) write(i, 'first');
    const times: number[] = [];
    const time = async (...args: string[]) => {
      const start = performance.now();
      const code = await cli(dir, args);
      times.push(performance.now() - start);
      if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}`);
    };
    await time('sync');
    await time('sync');
    for (let i = 0; i < count; i += 10) write(i, 'edited');
    await time('sync');
    await time('plan', '--refresh');
    if (emu.state.count() !== count)
      throw new Error(`expected ${count} remote flows, found ${emu.state.count()}`);
    return times;
  } finally {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function cli(cwd: string, args: string[]): Promise<number> {
  const sink = { write: () => true, isTTY: false };
  return main(
    {
      argv: ['node', 'runtype-flows', ...args],
      env: { PATH: process.env.PATH, RUNTYPE_API_KEY: KEY, NO_COLOR: '1' },
      cwd,
      stdout: sink,
      stderr: sink,
      stdinIsTTY: false,
    },
    new AbortController().signal,
  );
}
