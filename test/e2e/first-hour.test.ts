import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProject, type TestProject } from '../helpers/project.js';

/**
 * The first hour of a new user, end to end and offline: `npm init -y`, the package
 * installed (linked into node_modules with its bin, as `npm install` places it; the
 * same approach as user-project.test.ts, so no registry is needed), `init`, then the
 * editor's view (`tsc --noEmit`) and `npm run flows:sync` against the embedded emulator.
 */
const REPO = path.resolve(import.meta.dirname, '../..');
const TSC = path.join(REPO, 'node_modules/typescript/bin/tsc');
const NPM_INIT_Y = `{
  "name": "first-hour",
  "version": "1.0.0",
  "main": "index.js",
  "scripts": { "test": "echo \\"Error: no test specified\\" && exit 1" },
  "license": "ISC",
  "type": "commonjs"
}
`;
let project: TestProject;

beforeAll(() => {
  project = createTestProject({ 'package.json': NPM_INIT_Y });
  mkdirSync(project.path('node_modules/.bin'), { recursive: true });
  symlinkSync(REPO, project.path('node_modules/runtype-flows'), 'dir');
  symlinkSync(
    '../runtype-flows/bin/runtype-flows.mjs',
    project.path('node_modules/.bin/runtype-flows'),
  );
});
afterAll(() => project.cleanup());

describe('first hour: npm init -y, install, init, type-check, sync', () => {
  it('init sets the project up', () => {
    const run = spawn(process.execPath, [path.join(REPO, 'bin/runtype-flows.mjs'), 'init']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('created tsconfig.json');
  });

  it('tsc --noEmit passes on the scaffolded project', () => {
    const run = spawn(process.execPath, [TSC, '--noEmit', '-p', project.root]);
    expect(run.status, run.stdout).toBe(0);
  });

  it('a script can type the --json documents: runtype-flows/json', () => {
    project.write(
      'scripts/deploy.ts',
      "import type { ErrorJson, SyncJson } from 'runtype-flows/json';\n" +
        'export function created(doc: SyncJson | ErrorJson): number {\n' +
        "  return doc.status === 'error' ? 0 : doc.counts.created;\n}\n",
    );
    const args = [
      '--noEmit',
      '--strict',
      '--module',
      'nodenext',
      '--skipLibCheck',
      'scripts/deploy.ts',
    ];
    const run = spawn(process.execPath, [TSC, ...args]);
    expect(run.status, run.stdout).toBe(0);
  });

  it('npm run flows:sync deploys to the embedded emulator, then finds it in sync', () => {
    const first = spawn('npm', ['run', '--silent', 'flows:sync']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/created.*hello-world/);
    const second = spawn('npm', ['run', '--silent', 'flows:sync', '--', '--json']);
    expect(second.status, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout).counts).toMatchObject({ created: 0, updated: 0 });
  });
});

// --- internal ---

function spawn(command: string, args: string[]): SpawnSyncReturns<string> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' };
  return spawnSync(command, args, { cwd: project.root, encoding: 'utf8', env });
}
