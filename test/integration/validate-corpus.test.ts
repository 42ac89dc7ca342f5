import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/load-project.js';
import { createModuleImporter } from '../../src/load/import-module.js';
import { formatPath } from '../../src/model/diagnostics.js';
import { createTestProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * The broken-flow corpus: each case (a file, or a folder for cross-file
 * faults) holds exactly one fault, named on its first line as
 * `// expect: CODE path` (path `-` when the fault has no field).
 */
const CORPUS = path.resolve(import.meta.dirname, '../fixtures/broken');

interface Case {
  name: string;
  files: string[];
  code: string;
  path: string;
}

function readCases(): Case[] {
  return readdirSync(CORPUS)
    .sort()
    .map((name) => {
      const full = path.join(CORPUS, name);
      const files = statSync(full).isDirectory() ? readdirSync(full).sort().map((f) => path.join(full, f)) : [full];
      const header = readFileSync(files[0]!, 'utf8').split('\n')[0] ?? '';
      const match = /^\/\/ expect: (\S+) (\S+)/.exec(header);
      if (!match) throw new Error(`${name}: first line must be "// expect: CODE path"`);
      return { name, files, code: match[1]!, path: match[2]! };
    });
}

const cases = readCases();

describe('broken flow corpus', () => {
  it('has at least 20 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: one precise diagnostic', async (_name, testCase) => {
    const project = createTestProject();
    try {
      for (const file of testCase.files) project.write(`flows/${path.basename(file)}`, readFileSync(file, 'utf8'));
      const loaded = await loadProject({ cwd: project.root, importModule: createModuleImporter() });
      const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => d.code)).toContain(testCase.code);
      const hit = errors.find((d) => d.code === testCase.code)!;
      expect(testCase.path === '-' ? '-' : formatPath(hit.path)).toBe(testCase.path);
      // Precise: it names the file, and a line for everything that has a place in the source.
      expect(hit.file).toMatch(/flows\//);
      expect(hit.line).toBeGreaterThan(0);
      // One fault, one error (cross-file duplicates report on both files).
      expect(errors.length).toBeLessThanOrEqual(testCase.files.length);
    } finally {
      project.cleanup();
    }
  });

  it('the CLI reports every broken file at once and exits 1', async () => {
    const project = createTestProject();
    try {
      const singles = cases.filter((c) => c.files.length === 1);
      for (const c of singles) project.write(`flows/${path.basename(c.files[0]!)}`, readFileSync(c.files[0]!, 'utf8'));
      const run = await runCli(['validate', '--json'], { cwd: project.root });
      expect(run.code).toBe(1);
      const doc = JSON.parse(run.stdout);
      const files = new Set(doc.diagnostics.filter((d: { severity: string }) => d.severity === 'error').map((d: { file: string }) => path.basename(d.file)));
      expect(files.size).toBe(singles.length);
    } finally {
      project.cleanup();
    }
  });
});
