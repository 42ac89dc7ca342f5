import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../bench/lib/results.js';

/**
 * `npm run bench -- --quick` end to end: one table, results.json and RESULTS.md of the expected
 * shape. The figures are not judged (timings flake on a shared machine); only their form.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const out = mkdtempSync(path.join(os.tmpdir(), 'runtype-bench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const CASES = [
  /^--help$/,
  /^--version$/,
  /^validate \d+, warm$/,
  /^create-\d+ \(sync\)$/,
  /^create-\d+ vs naive loop$/,
  /^noop-\d+ sync, warm cache$/,
  /^noop-\d+ sync, cold cache$/,
  /^status \d+$/,
  /^watch save → applied, \d+ flows$/,
  /^plan \d+, in sync$/,
  /^plan \d+, in sync$/,
  /^plan \d+, peak RSS$/,
  /^update 1 of \d+ \(sync\)$/,
];

describe('npm run bench -- --quick', () => {
  it('prints one table and writes results.json and RESULTS.md', { timeout: 240_000 }, async () => {
    const jiti = path.join(repo, 'node_modules', '.bin', 'jiti');
    const { stdout } = await promisify(execFile)(jiti, ['bench/run.ts', '--quick', '--out', out], {
      cwd: repo,
      maxBuffer: 8 << 20,
    });
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as Results;
    expect(results).toMatchObject({ schema: 'runtype-flows-bench/1', quick: true });
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.node).toBe(process.version);
    expect(results.rows).toHaveLength(CASES.length);
    results.rows.forEach((row, i) => {
      expect(row.case).toMatch(CASES[i]!);
      expect(row.figure).toBeGreaterThan(0);
      expect(['ms', 'MB', 'requests']).toContain(row.unit);
      expect(typeof row.pass).toBe('boolean');
      expect(typeof row.target).toBe('string');
      expect(row.load).toBeGreaterThanOrEqual(0);
      // A row has a floor and a ratio, or neither.
      expect(row.floor === null).toBe(row.ratio === null);
      expect(row.floor?.value ?? 1).toBeGreaterThan(0);
      expect(row.ratio ?? 1).toBeGreaterThan(0);
    });

    // One table: a header line, then one line per case, each ending in PASS or MISS (+ load, runs).
    const lines = stdout.trim().split('\n');
    const header = lines.findIndex((l) => /^case\s+figure\s+floor/.test(l));
    expect(header).toBeGreaterThanOrEqual(0);
    const rows = lines.slice(header + 1);
    expect(rows).toHaveLength(CASES.length);
    for (const line of rows) expect(line).toMatch(/\s(PASS|MISS)\s+[\d.]+\s+\d+$/);

    const markdown = readFileSync(path.join(out, 'RESULTS.md'), 'utf8');
    expect(markdown).toContain('| case | figure | floor (same run) | ratio | target | result |');
    expect(markdown).toContain(`Node ${process.version}`);
  });
});
