import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestProject, flowSource, type TestProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

/** Flow files are only ever loaded from inside the project: a glob or a link that leaves it is an error, not an import. */
let project: TestProject;
let outside: string;
afterEach(() => {
  project.cleanup();
  rmSync(outside, { recursive: true, force: true });
});

function setUp(globs: string[]): void {
  outside = mkdtempSync(path.join(os.tmpdir(), 'runtype-outside-'));
  // Imported, this module would fail loudly: it must never be imported at all.
  writeFileSync(path.join(outside, 'stranger.ts'), "throw new Error('imported from outside');\n");
  project = createTestProject({
    'runtype.config.ts': `import { defineConfig } from 'runtype-flows';\nexport default defineConfig({ flows: ${JSON.stringify(globs)} });\n`,
    'flows/a.ts': flowSource('a', 'A'),
  });
}

describe('flows outside the project', () => {
  it('a glob that leaves the project root is refused, naming the glob, and not run', async () => {
    setUp(['flows/**/*.ts', '../**/*.ts']);
    const run = await runCli(['validate', '--json'], { cwd: project.root });
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as { diagnostics: { code: string; message: string }[] };
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({
        code: 'FLOW_OUTSIDE_PROJECT',
        message: expect.stringContaining('"../**/*.ts" leaves the project root') as unknown,
      }),
    ]);
    expect(run.stdout + run.stderr).not.toContain('imported from outside');
  });

  it('a symlink to a file outside is refused, naming the link, and not imported', async () => {
    setUp(['flows/**/*.ts']);
    symlinkSync(path.join(outside, 'stranger.ts'), project.path('flows/linked.ts'));
    const run = await runCli(['validate'], { cwd: project.root });
    expect(run.code).toBe(1);
    expect(run.stderr + run.stdout).toMatch(
      /flows\/linked\.ts is a link to .*stranger\.ts, outside the project; it is not imported \(FLOW_OUTSIDE_PROJECT\)/,
    );
    expect(run.stdout + run.stderr).not.toContain('imported from outside');
  });

  it('a link within the project is fine', async () => {
    setUp(['flows/**/*.ts']);
    writeFileSync(project.path('b.ts'), flowSource('b', 'B'));
    symlinkSync(project.path('b.ts'), project.path('flows/b.ts'));
    const run = await runCli(['validate'], { cwd: project.root });
    expect(run.code, run.stdout + run.stderr).toBe(0);
  });
});
