/**
 * One row per case: the figure, the floor measured beside it in the same run, their ratio, the
 * target and PASS/MISS, with the load average when the case ran. Printed as one table and
 * written as bench/results.json (schema below, checked by the smoke test) and bench/RESULTS.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Row {
  case: string;
  /** The case's figure: a median (or a p95 where the case says so). */
  figure: number;
  unit: 'ms' | 'MB' | 'requests';
  /** What bounds it from below, measured in the same run; null where none applies. */
  floor: { name: string; value: number } | null;
  /** figure / floor (or floor / figure where the target is a speed-up; see `target`). */
  ratio: number | null;
  target: string;
  pass: boolean;
  /** 1-minute load average when the case finished. */
  load: number;
  runs: number;
  note: string;
}

export interface Results {
  schema: 'runtype-flows-bench/1';
  quick: boolean;
  startedAt: string;
  totalSeconds: number;
  machine: { cores: number; cpu: string; node: string; platform: string; memoryGb: number };
  rows: Row[];
}

export const loadAverage = (): number => Number(os.loadavg()[0]!.toFixed(2));

export function machine(): Results['machine'] {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    memoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
  };
}

const fmt = (value: number, unit: Row['unit']): string =>
  unit === 'ms'
    ? `${value.toFixed(0)} ms`
    : unit === 'MB'
      ? `${value.toFixed(0)} MB`
      : String(value);

const HEAD = ['case', 'figure', 'floor (same run)', 'ratio', 'target', 'result', 'load', 'runs'];

function cells(row: Row): string[] {
  return [
    row.case,
    fmt(row.figure, row.unit),
    row.floor === null ? '—' : `${row.floor.name} ${fmt(row.floor.value, row.unit)}`,
    row.ratio === null ? '—' : `×${row.ratio.toFixed(2)}`,
    row.target,
    row.pass ? 'PASS' : 'MISS',
    row.load.toFixed(2),
    String(row.runs),
  ];
}

/** The table for the terminal: aligned columns. */
export function formatTable(rows: readonly Row[]): string {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  return all
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function formatMarkdown(results: Results): string {
  const m = results.machine;
  const lines = [
    '# Benchmark results',
    '',
    `${results.quick ? 'Quick run (--quick: smaller, fewer runs; not comparable). ' : ''}` +
      `Run ${results.startedAt}, ${results.totalSeconds.toFixed(0)} s in all. ` +
      `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}, ${m.platform}. ` +
      'Figures are medians of whole-process runs (watch: p95); floors were measured in the same ' +
      'run, interleaved with the case; "load" is the 1-minute load average as the case finished.',
    '',
    `| ${HEAD.join(' | ')} | note |`,
    `|${HEAD.map(() => '---').join('|')}|---|`,
    ...results.rows.map((r) => `| ${cells(r).join(' | ')} | ${r.note} |`),
    '',
    'Reproduce: `npm run build && npm run bench` (`-- --quick` for the smoke version).',
    '',
  ];
  return lines.join('\n');
}

export function writeResults(outDir: string, results: Results): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(path.join(outDir, 'RESULTS.md'), formatMarkdown(results));
}
