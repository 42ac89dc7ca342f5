import { describe, expect, it } from 'vitest';
import { createTestProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

/** What `npm init -y` writes (npm 10): "type": "commonjs" and a placeholder test script. */
const NPM_INIT_Y = `{
  "name": "my-flows",
  "version": "1.0.0",
  "main": "index.js",
  "scripts": {
    "test": "echo \\"Error: no test specified\\" && exit 1"
  },
  "license": "ISC",
  "type": "commonjs"
}
`;

describe('init sets up a TypeScript project', () => {
  it('after npm init -y: ESM, a tsconfig, the npm scripts and node_modules/ ignored', async () => {
    const project = createTestProject({ 'package.json': NPM_INIT_Y });
    try {
      const run = await runCli(['init'], { cwd: project.root });
      expect(run.code, run.stderr).toBe(0);
      const pkg = JSON.parse(project.read('package.json'));
      expect(pkg.type).toBe('module');
      expect(pkg.scripts).toEqual({
        test: 'echo "Error: no test specified" && exit 1',
        'flows:validate': 'runtype-flows validate',
        'flows:plan': 'runtype-flows plan',
        'flows:sync': 'runtype-flows sync',
        'flows:dev': 'runtype-flows sync --watch',
      });
      expect(project.read('package.json')).toMatch(/^\{\n {2}"name"/);
      const tsconfig = JSON.parse(project.read('tsconfig.json'));
      expect(tsconfig.compilerOptions).toMatchObject({
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        noEmit: true,
      });
      expect(project.read('.gitignore')).toContain('node_modules/\n');
      expect(run.stdout).toContain('created tsconfig.json');
      expect(run.stdout).toContain('updated package.json: "type": "module"');
      expect(run.stdout).toContain('npm run flows:sync');
    } finally {
      project.cleanup();
    }
  });

  it('a second run changes nothing and says what it kept', async () => {
    const project = createTestProject({ 'package.json': NPM_INIT_Y });
    try {
      await runCli(['init'], { cwd: project.root });
      const before = project.read('package.json');
      const again = await runCli(['init', '--json'], { cwd: project.root });
      expect(again.code).toBe(0);
      const doc = JSON.parse(again.stdout);
      expect(doc).toMatchObject({ created: [], updated: [], notes: [] });
      expect(doc.skipped).toEqual(['runtype.config.ts', 'flows/hello-world.ts', 'tsconfig.json']);
      expect(project.read('package.json')).toBe(before);
    } finally {
      project.cleanup();
    }
  });

  it('keeps scripts of the same name and an existing tsconfig', async () => {
    const project = createTestProject({
      'package.json': '{\n\t"name": "x",\n\t"scripts": { "flows:sync": "my-own-sync" }\n}\n',
      'tsconfig.json': '{ "compilerOptions": { "strict": false } }\n',
    });
    try {
      const run = await runCli(['init'], { cwd: project.root });
      expect(run.code).toBe(0);
      expect(project.read('tsconfig.json')).toBe('{ "compilerOptions": { "strict": false } }\n');
      const pkg = JSON.parse(project.read('package.json'));
      expect(pkg.scripts['flows:sync']).toBe('my-own-sync');
      expect(pkg.scripts['flows:dev']).toBe('runtype-flows sync --watch');
      expect(pkg.type).toBe('module');
      expect(project.read('package.json')).toMatch(/^\{\n\t"name"/);
      expect(run.stdout).toContain('kept    package.json script flows:sync');
      expect(run.stdout).toContain('kept    tsconfig.json');
    } finally {
      project.cleanup();
    }
  });

  it('a project with sources keeps its module type, and is told what to change', async () => {
    const project = createTestProject({
      'package.json': NPM_INIT_Y,
      'index.js': 'module.exports = 1;\n',
    });
    try {
      const run = await runCli(['init'], { cwd: project.root });
      expect(run.code).toBe(0);
      expect(JSON.parse(project.read('package.json')).type).toBe('commonjs');
      expect(run.stdout).toContain('note package.json has "type": "commonjs" and this project');
      const untyped = createTestProject({ 'package.json': '{ "name": "y" }\n', 'lib/a.js': '' });
      try {
        await runCli(['init'], { cwd: untyped.root });
        expect(JSON.parse(untyped.read('package.json')).type).toBeUndefined();
      } finally {
        untyped.cleanup();
      }
      expect(run.stdout).toContain('"type": "module": set it in package.json');
    } finally {
      project.cleanup();
    }
  });
});
