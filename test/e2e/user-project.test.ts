import { spawnSync } from 'node:child_process';
import { symlinkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestProject, type TestProject } from '../helpers/project.js';

/**
 * A user's project with runtype-flows installed (linked into node_modules,
 * as `npm install` would place it): the package name resolves for Node and
 * for TypeScript, through the package's `exports` (built dist/).
 */
const REPO = path.resolve(import.meta.dirname, '../..');
const TSC = path.join(REPO, 'node_modules/typescript/bin/tsc');
let project: TestProject;

beforeAll(() => {
  project = createTestProject({
    'package.json': '{ "name": "user-project", "private": true, "type": "module" }\n',
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        strict: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      include: ['flows'],
    }),
    'flows/hello.ts':
      "import { defineFlow, prompt } from 'runtype-flows';\n\nexport default defineFlow({\n  key: 'hello',\n  name: 'Hello',\n  inputs: ['who'],\n  steps: [prompt('greet', { name: 'Greet', model: 'gpt-4', userPrompt: 'Hello {{who}}' })],\n});\n",
  });
  mkdirSync(project.path('node_modules'));
  symlinkSync(REPO, project.path('node_modules/runtype-flows'), 'dir');
});
afterAll(() => project.cleanup());

describe('runtype-flows installed in a user project', () => {
  it('resolves for Node: import { defineFlow } from "runtype-flows"', () => {
    const script =
      "const m = await import('runtype-flows'); const f = m.defineFlow({ key: 'k', name: 'N', steps: [] }); console.log(typeof m.prompt, f[Symbol.for('runtype-flows.flow')]);";
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: project.root,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('function true');
  });

  it('resolves for TypeScript with the package types, and a typo is a compile error there', () => {
    const ok = spawnSync(process.execPath, [TSC, '-p', project.root], { encoding: 'utf8' });
    expect(ok.status, ok.stdout).toBe(0);
    project.write(
      'flows/typo.ts',
      "import { prompt } from 'runtype-flows';\nexport const step = prompt('a', { name: 'A', model: 'gpt-4', userPrmpt: 'x' });\n",
    );
    const typo = spawnSync(process.execPath, [TSC, '-p', project.root], { encoding: 'utf8' });
    expect(typo.status).not.toBe(0);
    expect(typo.stdout).toContain('userPrmpt');
    project.remove('flows/typo.ts');
  });

  it('validates the project with the CLI and no config file', () => {
    const run = spawnSync(
      process.execPath,
      [path.join(REPO, 'bin/runtype-flows.mjs'), 'validate'],
      { cwd: project.root, encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' } },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('1 flow OK');
  });
});
