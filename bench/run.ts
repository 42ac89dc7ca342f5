/**
 * `npm run bench` (`-- --quick` for the smoke version, `-- --out <dir>` to write elsewhere):
 * every case against its floor measured in the same run, printed as one table and written to
 * bench/results.json and bench/RESULTS.md. Benchmarks print numbers; they never assert on time.
 * Needs the built CLI (npm run build). `npm run bench -- --topic <name>` runs the older
 * single-topic benches instead (bench/<name>.ts: emulator throughput, journal appends, loading,
 * pull, in-process sync, watch), each printing its own table.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startBenchEmulator } from './lib/emulator.js';
import { startCases } from './lib/case-start.js';
import { createCases, inSyncCases, validateCase } from './lib/case-500.js';
import { planCases } from './lib/case-plan.js';
import { watchCase } from './lib/case-watch.js';
import { BENCH_DIR, parseOptions, REPO } from './lib/options.js';
import { writeProject } from './lib/project.js';
import { formatTable, machine, writeResults, type Row } from './lib/results.js';

const topic = process.argv.indexOf('--topic');
if (topic >= 0) {
  await runTopic(process.argv[topic + 1] ?? '');
  process.exit(0);
}

const options = parseOptions(process.argv.slice(2));
if (!existsSync(path.join(REPO, 'dist', 'cli', 'bin.js')))
  throw new Error('bench runs the built CLI: run `npm run build` first');

const startedAt = new Date();
const started = performance.now();
const rows: Row[] = [];
const step = (what: string) =>
  process.stderr.write(`bench: ${what} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);

step('start-up');
rows.push(...(await startCases(options)));
const emu = await startBenchEmulator();
const project = writeProject(options.flows, emu.url);
try {
  step(`validate ${options.flows}`);
  rows.push(await validateCase(options, project));
  step(`create ${options.flows}`);
  rows.push(...(await createCases(options, project, emu)));
  step('in sync: no-op sync, status');
  rows.push(...(await inSyncCases(options, project, emu)));
  step('watch');
  rows.push(await watchCase(options, project));
} finally {
  project.cleanup();
}
step(`plan ${options.planSizes.join(', ')} and update 1`);
rows.push(...(await planCases(options, emu)));
await emu.close();

const results = {
  schema: 'runtype-flows-bench/1' as const,
  quick: options.quick,
  startedAt: startedAt.toISOString(),
  totalSeconds: (performance.now() - started) / 1000,
  machine: machine(),
  rows,
};
writeResults(options.outDir, results);
const m = results.machine;
console.log(
  `${m.cores} cores, Node ${m.node}, ${results.totalSeconds.toFixed(0)} s` +
    (options.quick ? ' (quick)' : ''),
);
console.log(formatTable(rows));

async function runTopic(name: string): Promise<void> {
  const file = path.join(BENCH_DIR, `${name}.ts`);
  const mod = (await import(pathToFileURL(file).href)) as { run?: () => Promise<void> };
  if (typeof mod.run !== 'function') throw new Error(`${file} exports no run()`);
  await mod.run();
}
