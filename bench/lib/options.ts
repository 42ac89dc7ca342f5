/** Flags of `npm run bench`: `--quick` (fewer runs, smaller projects; the smoke test's mode) and
 * `--out <dir>` (where results.json and RESULTS.md go; default bench/). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchOptions {
  quick: boolean;
  outDir: string;
  /** Runs per figure (the median is reported). */
  runs: number;
  /** The "500 flows" of the cases. */
  flows: number;
  /** The plan-growth sizes (the largest is the "5,000" of plan and update-1). */
  planSizes: readonly number[];
  /** Edits in the watch case. */
  watchEdits: number;
  /** Requests in the naive sequential loop (scaled to `flows` when fewer). */
  naiveRequests: number;
}

export const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO = path.dirname(BENCH_DIR);

export function parseOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const outAt = argv.indexOf('--out');
  const outDir = outAt >= 0 && argv[outAt + 1] ? path.resolve(argv[outAt + 1]!) : BENCH_DIR;
  return quick
    ? { quick, outDir, runs: 1, flows: 40, planSizes: [40, 80], watchEdits: 4, naiveRequests: 40 }
    : {
        quick,
        outDir,
        runs: 5,
        flows: 500,
        planSizes: [500, 1000, 5000],
        watchEdits: 50,
        naiveRequests: 500,
      };
}
