/**
 * `sync --watch` on a project of 1,000 flows against the in-process emulator,
 * with real chokidar: the time from writing one flow file to the cycle that
 * applied it (debounce + reload of every module + plan + PUT), for 20 edits,
 * and the API requests each edit cost. With no latency and with 20 ms per
 * request (a real API).
 */
import { watchProject } from '../src/file-watch/watch-project.js';
import { createEmulatorProject } from '../test/helpers/emulator-project.js';
import { flowSource } from '../test/helpers/project.js';
import { startWatch } from '../test/watch/helpers.js';

const FLOWS = 1000;
const EDITS = 20;

export async function run(): Promise<void> {
  console.log(
    `| flows | API latency | edits | save → applied, median | p95 | cycle alone, median | requests per edit |`,
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const latencyMs of [0, 20]) {
    const r = await measure(latencyMs);
    console.log(
      `| ${FLOWS} | ${latencyMs} ms | ${EDITS} | ${r.median.toFixed(0)} ms | ${r.p95.toFixed(0)} ms | ${r.cycle.toFixed(0)} ms | ${r.requests} |`,
    );
  }
}

async function measure(
  latencyMs: number,
): Promise<{ median: number; p95: number; cycle: number; requests: string }> {
  const env = await createEmulatorProject(FLOWS, { logBodies: false, faults: { latencyMs } });
  // The first cycle is the full sync of all 1,000 flows (creates).
  const watch = startWatch(env.project.root, { watchProject }, {}, 75);
  try {
    await watch.next((e) => e.event === 'ready');
    const totals: number[] = [];
    const cycles: number[] = [];
    const requests: number[] = [];
    for (let edit = 0; edit < EDITS; edit += 1) {
      const i = (edit * 37) % FLOWS;
      const key = `flow-${String(i).padStart(3, '0')}`;
      const seen = watch.events.length;
      env.emu.clearRequests();
      const start = performance.now();
      env.project.write(
        `flows/${key}.ts`,
        flowSource(key, `Flow ${i}`, { prompt: `edit ${edit} about {{topic}}` }),
      );
      const cycle = await watch.next(
        (e) =>
          e.event === 'cycle' &&
          (e.outcomes ?? []).some((o) => o.key === key && o.status === 'applied'),
        seen,
      );
      totals.push(performance.now() - start);
      cycles.push(cycle.durationMs ?? 0);
      requests.push(env.emu.requests.length);
    }
    const distinct = [...new Set(requests)].sort((a, b) => a - b);
    return {
      median: quantile(totals, 0.5),
      p95: quantile(totals, 0.95),
      cycle: quantile(cycles, 0.5),
      requests: distinct.join(' or '),
    };
  } finally {
    await watch.stop();
    await env.cleanup();
  }
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}
