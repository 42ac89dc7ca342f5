/**
 * `plan` on projects in sync at growing sizes (time and peak RSS, to show linear growth), and a
 * one-flow edit synced in the largest (exactly one PUT).
 */
import type { Emulator } from '../../src/emulator/index.js';
import { withoutLatency, writesOf } from './emulator.js';
import { jitiImportMs, nodeStartMs } from './floors.js';
import type { BenchOptions } from './options.js';
import { writeProject, type BenchProject } from './project.js';
import { expectExit, runCli } from './process.js';
import { loadAverage, type Row } from './results.js';
import { median } from './stats.js';

export async function planCases(o: BenchOptions, emu: Emulator): Promise<Row[]> {
  const rows: Row[] = [];
  const largest = o.planSizes[o.planSizes.length - 1]!;
  for (const size of o.planSizes) {
    const p = writeProject(size, emu.url);
    try {
      await withoutLatency(emu, async () =>
        expectExit(await runCli(['sync'], { cwd: p.root, env: p.env() }), 0, 'setup sync'),
      );
      const times: number[] = [];
      const rss: number[] = [];
      // The floor, interleaved with the case: node start + the bare import of the same files.
      const nodes: number[] = [];
      const jitis: number[] = [];
      for (let i = 0; i < o.runs; i += 1) {
        nodes.push(await nodeStartMs());
        jitis.push(await jitiImportMs(p.root, { env: p.env() }));
        const run = expectExit(
          await runCli(['plan', '--exit-code'], { cwd: p.root, env: p.env(), rss: true }),
          0,
          'plan (in sync)',
        );
        times.push(run.ms);
        if (run.rssMb !== undefined) rss.push(run.rssMb);
      }
      const ms = median(times);
      const isLargest = size === largest;
      const floor = { name: 'node start + bare jiti import', value: median(nodes) + median(jitis) };
      rows.push({
        case: `plan ${size}, in sync`,
        figure: ms,
        unit: 'ms',
        floor,
        ratio: ms / floor.value,
        target: isLargest ? '≤ 2000 ms' : 'linear growth',
        pass: isLargest ? ms <= 2000 : true,
        load: loadAverage(),
        runs: o.runs,
        note: `${(ms / size).toFixed(2)} ms/flow, peak RSS ${median(rss).toFixed(0)} MB`,
      });
      if (isLargest) {
        rows.push({
          case: `plan ${size}, peak RSS`,
          figure: median(rss),
          unit: 'MB',
          floor: null,
          ratio: null,
          target: '≤ 400 MB',
          pass: median(rss) <= 400,
          load: loadAverage(),
          runs: o.runs,
          note: 'GNU time %M',
        });
        rows.push(await updateOneCase(o, p, emu, floor));
      }
    } finally {
      p.cleanup();
    }
  }
  return rows;
}

async function updateOneCase(
  o: BenchOptions,
  p: BenchProject,
  emu: Emulator,
  floor: { name: string; value: number },
): Promise<Row> {
  const times: number[] = [];
  const writes: string[] = [];
  for (let i = 0; i < o.runs; i += 1) {
    p.edit((i * 997) % p.count, `Edited ${i}`);
    emu.clearRequests();
    times.push(
      expectExit(await runCli(['sync'], { cwd: p.root, env: p.env() }), 0, 'sync 1 edit').ms,
    );
    writes.push(
      writesOf(emu)
        .map((w) => w.method + (w.path.endsWith('/publish') ? ' publish' : ''))
        .join('+'),
    );
  }
  const ms = median(times);
  const exact = writes.every((w) => w === 'PUT' || w === 'PUT+POST publish');
  return {
    case: `update 1 of ${p.count} (sync)`,
    figure: ms,
    unit: 'ms',
    floor,
    ratio: ms / floor.value,
    target: '≤ 2000 ms, 1 PUT (+1 publish)',
    pass: ms <= 2000 && exact,
    load: loadAverage(),
    runs: o.runs,
    note: `writes per run: ${[...new Set(writes)].join(', ')}`,
  };
}
