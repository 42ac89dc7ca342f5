import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestProject, flowSource, type TestProject } from '../helpers/project.js';
import { READING_ENV } from '../helpers/reading.js';

/**
 * The built CLI starts loading the project before the command's modules are imported
 * (cli/command-table.ts, ProjectLoader.prefetch); the command's own load is then answered by that
 * load. Each flow module here appends a line to imports.log when it is evaluated: a command
 * that used the prefetched load evaluates each module once, one that loaded again twice.
 */
const BIN = path.resolve(import.meta.dirname, '../../bin/runtype-flows.mjs');
let project: TestProject;
afterEach(() => project.cleanup());

const counted = (key: string) =>
  `import { appendFileSync } from 'node:fs';\n` +
  `appendFileSync(new URL('../imports.log', import.meta.url), '${key}\\n');\n` +
  flowSource(key, key.toUpperCase());

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: project.root,
    env: { PATH: process.env.PATH, NO_COLOR: '1', CI: '1', ...READING_ENV },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const imports = () => project.read('imports.log').trim().split('\n').sort();

describe('the project load the CLI starts early', () => {
  it('answers the command: each flow module is evaluated once per run', () => {
    project = createTestProject({
      'runtype.config.ts':
        "import { defineConfig } from 'runtype-flows';\n" +
        "export default defineConfig({ defaultEnvironment: 'local', environments: { local: { emulator: true } } });\n",
      'flows/a.ts': counted('a'),
      'flows/b.ts': counted('b'),
    });
    const validate = run(['validate']);
    expect(validate.code, validate.stderr).toBe(0);
    expect(imports()).toEqual(['a', 'b']);
    const plan = run(['plan', '--offline']);
    expect(plan.code, plan.stderr).toBe(0);
    expect(imports()).toEqual(['a', 'a', 'b', 'b']);
  });

  it('is the same load with --config (the request names it)', () => {
    project = createTestProject({
      'other.config.ts':
        "import { defineConfig } from 'runtype-flows';\n" +
        "export default defineConfig({ flows: ['flows/**/*.ts'] });\n",
      'flows/a.ts': counted('a'),
    });
    const validate = run(['validate', '--config', 'other.config.ts']);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    expect(imports()).toEqual(['a']);
  });

  it('is not made for watch mode or help (nothing evaluated for --help)', () => {
    project = createTestProject({ 'flows/a.ts': counted('a') });
    expect(run(['validate', '--help']).code).toBe(0);
    expect(() => project.read('imports.log')).toThrow();
  });
});
