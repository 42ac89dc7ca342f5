import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createTestProject, flowSource, type TestProject } from '../helpers/project.js';

/**
 * User code that misbehaves while it is imported, run through the built CLI (the fence is the
 * CLI's: it owns the process).
 */
const BIN = path.resolve(import.meta.dirname, '../../bin/runtype-flows.mjs');
let project: TestProject;
afterEach(() => project.cleanup());

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: project.root,
    env: { PATH: process.env.PATH, NO_COLOR: '1', CI: '1', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('flow modules that misbehave while loading', () => {
  it('process.exit(0) is an error naming the module, never a success exit', () => {
    project = createTestProject({
      'flows/a.ts': flowSource('a', 'A'),
      'flows/quits.ts': `${flowSource('quits', 'Quits')}\nprocess.exit(0);\n`,
    });
    const result = run(['validate']);
    expect(result.code).toBe(1);
    expect(result.stderr + result.stdout).toMatch(
      /flows\/quits\.ts:\d+:\d+ .*process\.exit\(0\) was called while loading this module/,
    );
  });

  it('what a module prints never reaches the --json document on stdout', () => {
    project = createTestProject({
      'flows/a.ts': `console.log('hello from a flow module');\n${flowSource('a', 'A')}`,
    });
    const result = run(['validate', '--json']);
    expect(result.code).toBe(0);
    expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
    expect(result.stderr).toContain('hello from a flow module');
  });

  it('a top-level await that never settles fails after the deadline, naming the module', () => {
    project = createTestProject({
      'flows/a.ts': flowSource('a', 'A'),
      'flows/hangs.ts': `await new Promise(() => undefined);\n${flowSource('hangs', 'Hangs')}`,
    });
    const started = Date.now();
    const result = run(['validate'], { RUNTYPE_LOAD_TIMEOUT_MS: '500' });
    expect(result.code).toBe(1);
    expect(result.stderr + result.stdout).toMatch(
      /flows\/hangs\.ts.*did not finish loading within 500 ms/,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
