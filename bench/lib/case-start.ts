/** `--help` and `--version`: start-up alone, against node's own start. */
import { nodeStartMs } from './floors.js';
import type { BenchOptions } from './options.js';
import { expectExit, runCli } from './process.js';
import { loadAverage, type Row } from './results.js';
import { sideBySide } from './sample.js';

export async function startCases(o: BenchOptions): Promise<Row[]> {
  const cli = (flag: string) => async () => expectExit(await runCli([flag]), 0, flag).ms;
  await cli('--help')(); // warm the file-system cache
  const m = await sideBySide(o.runs, {
    node: nodeStartMs,
    help: cli('--help'),
    version: cli('--version'),
  });
  return (['help', 'version'] as const).map((flag) => ({
    case: `--${flag}`,
    figure: m[flag]!,
    unit: 'ms',
    floor: { name: 'node start', value: m.node! },
    ratio: m[flag]! / m.node!,
    target: '≤ 150 ms',
    pass: m[flag]! <= 150,
    load: loadAverage(),
    runs: o.runs,
    note: '',
  }));
}
