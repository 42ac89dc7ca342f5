/**
 * `sync --watch` on a project of 1,000 flows against the in-process emulator,
 * with real chokidar: the time from writing one flow file to the cycle that
 * applied it (debounce + reload of every module + plan + PUT), for 20 edits,
 * and the API requests each edit cost. With no latency and with 20 ms per
 * request (a real API).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppContext } from '../src/app/context.js';
import { runWatch } from '../src/app/watch.js';
import { startEmulator } from '../src/emulator/index.js';
import { createModuleImporter } from '../src/load/import-module.js';
import { createReporter } from '../src/report/create-reporter.js';
import { watchProject } from '../src/watch/watch-project.js';

const KEY = 'rt_test_bench_key_0123456789';
const FLOWS = 1000;
const EDITS = 20;

interface Event {
  event: string;
  durationMs?: number;
  outcomes?: { key: string; status: string }[];
}

export async function run(): Promise<void> {
  console.log(`| flows | API latency | edits | save → applied, median | p95 | cycle alone, median | requests per edit |`);
  console.log('|---|---|---|---|---|---|---|');
  for (const latency of [0, 20]) {
    const r = await measure(latency);
    console.log(`| ${FLOWS} | ${latency} ms | ${EDITS} | ${r.median.toFixed(0)} ms | ${r.p95.toFixed(0)} ms | ${r.cycle.toFixed(0)} ms | ${r.requests} |`);
  }
}

async function measure(latencyMs: number): Promise<{ median: number; p95: number; cycle: number; requests: string }> {
  const emu = await startEmulator({ key: KEY, logBodies: false, faults: { latencyMs } });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runtype-bench-watch-'));
  const controller = new AbortController();
  const events: Event[] = [];
  let wake: () => void = () => undefined;
  try {
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "bench-watch", "private": true, "type": "module" }\n');
    writeFileSync(path.join(dir, 'runtype.config.ts'), `export default { defaultEnvironment: 'bench', concurrency: 16, environments: { bench: { url: ${JSON.stringify(emu.url)} } } };\n`);
    mkdirSync(path.join(dir, 'flows'));
    const write = (i: number, text: string) =>
      writeFileSync(
        path.join(dir, 'flows', `f${i}.ts`),
        `import { defineFlow, prompt } from 'runtype-flows';\nexport default defineFlow({ key: 'f${i}', name: 'Flow ${i}', inputs: ['t'], steps: [prompt('p', { name: 'P', model: 'gpt-4', userPrompt: '${text} {{t}}' })] });\n`,
      );
    for (let i = 0; i < FLOWS; i += 1) write(i, 'first');

    const stdout = {
      write: (s: string) => {
        for (const line of s.split('\n').filter(Boolean)) events.push(JSON.parse(line) as Event);
        wake();
        return true;
      },
      isTTY: false,
    };
    const sink = { write: () => true, isTTY: false };
    const ctx: AppContext = {
      cwd: dir,
      env: { RUNTYPE_API_KEY: KEY },
      reporter: createReporter({ json: true, verbose: false, stdout, stderr: sink, env: { NO_COLOR: '1' } }),
      importModule: createModuleImporter(),
      interactive: false,
      confirm: () => Promise.resolve(false),
      now: () => new Date(),
      signal: controller.signal,
      verbose: false,
    };
    const done = runWatch(ctx, {}, { watchProject });
    const next = async (predicate: (e: Event) => boolean, after: number): Promise<Event> => {
      for (;;) {
        const found = events.slice(after).find(predicate);
        if (found) return found;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    };
    await next((e) => e.event === 'ready', 0);

    const totals: number[] = [];
    const cycles: number[] = [];
    const requests: number[] = [];
    for (let edit = 0; edit < EDITS; edit += 1) {
      const i = (edit * 37) % FLOWS;
      const seen = events.length;
      emu.clearRequests();
      const start = performance.now();
      write(i, `edit ${edit}`);
      const cycle = await next((e) => e.event === 'cycle' && (e.outcomes ?? []).some((o) => o.key === `f${i}` && o.status === 'applied'), seen);
      totals.push(performance.now() - start);
      cycles.push(cycle.durationMs ?? 0);
      requests.push(emu.requests.length);
    }
    controller.abort();
    await done;
    const distinct = [...new Set(requests)].sort((a, b) => a - b);
    return { median: quantile(totals, 0.5), p95: quantile(totals, 0.95), cycle: quantile(cycles, 0.5), requests: distinct.join(' or ') };
  } finally {
    controller.abort();
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}
