/**
 * `sync --watch` as users run it (the real CLI process, --json events on stdout): the time from
 * writing a flow file to the cycle event that reports it applied.
 */
import { LATENCY_MS } from './emulator.js';
import { spawn } from 'node:child_process';
import type { BenchOptions } from './options.js';
import type { BenchProject } from './project.js';
import { CLI } from './process.js';
import { loadAverage, type Row } from './results.js';
import { median, quantile } from './stats.js';

interface WatchEvent {
  event: string;
  outcomes?: { key: string; status: string }[];
}

export async function watchCase(o: BenchOptions, p: BenchProject): Promise<Row> {
  const child = spawn(process.execPath, [CLI, 'sync', '--watch', '--json'], {
    cwd: p.root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...p.env() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const waiters: { test: (e: WatchEvent) => boolean; resolve: (e: WatchEvent) => void }[] = [];
  let buffered = '';
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdout.on('data', (b: Buffer) => {
    buffered += b.toString();
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      const event = JSON.parse(line) as WatchEvent;
      for (const w of [...waiters])
        if (w.test(event)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(event);
        }
    }
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`watch exited ${code}: ${stderr.slice(0, 2000)}`)),
    ),
  );
  const next = (test: (e: WatchEvent) => boolean) =>
    Promise.race([new Promise<WatchEvent>((resolve) => waiters.push({ test, resolve })), exited]);
  try {
    // The first cycle is the full sync (all in sync here).
    await next((e) => e.event === 'cycle');
    const totals: number[] = [];
    for (let edit = 0; edit < o.watchEdits; edit += 1) {
      const i = (edit * 37) % p.count;
      const key = p.key(i);
      const applied = next(
        (e) =>
          e.event === 'cycle' &&
          (e.outcomes ?? []).some((x) => x.key === key && x.status === 'applied'),
      );
      const started = performance.now();
      p.edit(i, `Watch edit ${edit}`);
      await applied;
      totals.push(performance.now() - started);
    }
    const p95 = quantile(totals, 0.95);
    return {
      case: `watch save → applied, ${p.count} flows`,
      figure: p95,
      unit: 'ms',
      // Not measured: what any cycle must wait — the debounce (run-watch.ts), then the drift check's
      // GET, the PUT and the publish one after the other at the emulator's latency.
      floor: { name: 'debounce 75 ms + 3 requests in turn (computed)', value: 75 + 3 * LATENCY_MS },
      ratio: p95 / (75 + 3 * LATENCY_MS),
      target: 'p95 ≤ 150 ms',
      pass: p95 <= 150,
      load: loadAverage(),
      runs: o.watchEdits,
      note: `p95 of ${o.watchEdits} edits; median ${median(totals).toFixed(0)} ms`,
    };
  } finally {
    exited.catch(() => {});
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('close', resolve));
  }
}
