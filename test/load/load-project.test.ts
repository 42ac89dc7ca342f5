import { describe, expect, it } from 'vitest';
import { createModuleImporter } from '../../src/load/import/import-module.js';
import { loadProject } from '../../src/load/project/load-project.js';
import { createTestProject, flowSource, type TestProject } from '../helpers/project.js';

async function load(project: TestProject, options: { cwd?: string; configPath?: string } = {}) {
  return loadProject({
    cwd: options.cwd ?? project.root,
    importModule: createModuleImporter(),
    ...(options.configPath ? { configPath: options.configPath } : {}),
  });
}

function withProject(
  files: Record<string, string>,
  run: (project: TestProject) => Promise<void>,
): () => Promise<void> {
  return async () => {
    const project = createTestProject(files);
    try {
      await run(project);
    } finally {
      project.cleanup();
    }
  };
}

const flow = (key: string, name: string) =>
  `defineFlow({ key: '${key}', name: '${name}', steps: [prompt('p', { name: 'P', model: 'm', userPrompt: 'x' })] })`;
const IMPORTS = "import { defineFlow, prompt } from 'runtype-flows';\n";

describe('loadProject: exports', () => {
  it(
    'reads several named exports of one module as several flows',
    withProject(
      {
        'flows/many.ts': `${IMPORTS}export const a = ${flow('a', 'A')};\nexport const b = ${flow('b', 'B')};\n`,
      },
      async (project) => {
        const loaded = await load(project);
        expect(loaded.flows.map((f) => [f.flow.key, f.exportName])).toEqual([
          ['a', 'a'],
          ['b', 'b'],
        ]);
        expect(loaded.diagnostics).toEqual([]);
      },
    ),
  );

  it(
    'counts a flow exported as default and by name once, under the default export',
    withProject(
      {
        'flows/both.ts': `${IMPORTS}export const both = ${flow('both', 'Both')};\nexport default both;\n`,
      },
      async (project) => {
        const loaded = await load(project);
        expect(loaded.flows.map((f) => [f.flow.key, f.exportName])).toEqual([['both', 'default']]);
        expect(loaded.diagnostics).toEqual([]);
      },
    ),
  );

  it(
    'gives a flow re-exported by barrels (export *, export { x as y } from) to the module that defined it, with no duplicate',
    withProject(
      {
        'flows/_all.ts': "export * from './zed.js';\nexport { zed as again } from './zed.js';\n",
        'flows/zed.ts': `${IMPORTS}export const zed = defineFlow({\n  key: 'zed',\n  name: 'Zed',\n  steps: [prompt('p', { name: 'P', model: 'm', userPrompt: '{{nope}}' })],\n});\n`,
      },
      async (project) => {
        const loaded = await load(project);
        expect(loaded.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
          ['UNKNOWN_VARIABLE', project.path('flows/zed.ts'), 5],
        ]);
        expect(loaded.helperModules).toEqual([]);
      },
    ),
  );

  it(
    'reads a flow from a module that imports helper modules outside the globs',
    withProject(
      {
        'flows/uses.ts': `${IMPORTS}import { TEXT } from '../lib/prompts.js';\nexport default defineFlow({ key: 'uses', name: 'Uses', steps: [prompt('p', { name: 'P', model: 'm', userPrompt: TEXT })] });\n`,
        'lib/prompts.ts': "export const TEXT: string = 'Say hello';\n",
      },
      async (project) => {
        const loaded = await load(project);
        expect(loaded.files).toEqual([project.path('flows/uses.ts')]);
        expect(loaded.flows[0]?.flow.steps[0]?.config).toMatchObject({ userPrompt: 'Say hello' });
      },
    ),
  );

  it(
    'reports one broken helper once, naming every flow that loads it',
    withProject(
      {
        'flows/a.ts': "import { X } from '../lib/broken.js';\nexport default X;\n",
        'flows/b.ts': "import { X } from '../lib/broken.js';\nexport default X;\n",
        'lib/broken.ts': "export const X = 1;\nthrow new Error('helper exploded');\n",
      },
      async (project) => {
        const loaded = await load(project);
        expect(loaded.diagnostics).toHaveLength(1);
        expect(loaded.diagnostics[0]).toMatchObject({
          file: project.path('lib/broken.ts'),
          line: 2,
          column: 7,
          message: 'importing the module threw: helper exploded (loaded by flows/a.ts, flows/b.ts)',
        });
      },
    ),
  );

  it(
    'warns about exports that look like flows but are not read as one',
    withProject(
      {
        'flows/array.ts': `${IMPORTS}export default [${flow('in-array', 'In Array')}];\n`,
        'flows/promise.ts': `${IMPORTS}export default Promise.resolve(${flow('promised', 'Promised')});\n`,
        'flows/plain.ts': "export const noKey = { name: 'No Key', steps: [] };\n",
        'flows/helper.ts':
          "export const TEXT = 'hello';\nexport const format = (s: string) => s.trim();\n",
        // A barrel re-exporting it: still one warning, not one per exporter.
        'flows/z-barrel.ts': "export * from './plain.js';\n",
      },
      async (project) => {
        const loaded = await load(project);
        expect(loaded.diagnostics.map((d) => [d.severity, d.code, d.file, d.line])).toEqual([
          ['warning', 'FLOW_EXPORT_IGNORED', project.path('flows/array.ts'), 2],
          ['warning', 'FLOW_EXPORT_IGNORED', project.path('flows/plain.ts'), 1],
          ['warning', 'FLOW_EXPORT_IGNORED', project.path('flows/promise.ts'), 2],
        ]);
        expect(loaded.diagnostics.map((d) => d.message)).toEqual([
          'the export "default" is an array of flows; each flow must be an export of its own',
          'the export "noKey" looks like a flow (it has name and steps) but is not one: it has no string key',
          'the export "default" is a Promise of a flow; flows are read as values, not awaited',
        ]);
        expect(loaded.helperModules).toContain(project.path('flows/helper.ts'));
      },
    ),
  );

  it(
    'names a duplicate key within one file by export',
    withProject(
      {
        'flows/m.ts': `${IMPORTS}export const three = ${flow('same', 'Three')};\nexport const four = ${flow('same', 'Four')};\n`,
      },
      async (project) => {
        const loaded = await load(project);
        expect(loaded.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
          [
            'DUPLICATE_FLOW_KEY',
            2,
            'duplicate flow key "same", also used in flows/m.ts (export four)',
          ],
          [
            'DUPLICATE_FLOW_KEY',
            3,
            'duplicate flow key "same", also used in flows/m.ts (export three)',
          ],
        ]);
      },
    ),
  );

  it(
    'warns NO_FLOW_FILES, naming the globs and the root, when nothing matches',
    withProject(
      {
        'runtype.config.ts': "export default { flows: ['src/flows/**/*.ts'] };\n",
        'flows/a.ts': flowSource('a', 'A'),
      },
      async (project) => {
        const loaded = await load(project);
        expect(loaded.diagnostics).toHaveLength(1);
        expect(loaded.diagnostics[0]).toMatchObject({
          severity: 'warning',
          code: 'NO_FLOW_FILES',
          file: project.path('runtype.config.ts'),
          line: 1,
        });
        expect(loaded.diagnostics[0]?.message).toBe(
          `no flow file matches "src/flows/**/*.ts" under ${project.root}`,
        );
      },
    ),
  );
});

describe('loadProject: the config file', () => {
  it(
    'is found from a sub-folder upward; its folder is the root',
    withProject(
      {
        'runtype.config.ts': "export default { flows: ['defs/*.ts'] };\n",
        'defs/a.ts': flowSource('a', 'A'),
        'deep/er/.keep': '',
      },
      async (project) => {
        const loaded = await load(project, { cwd: project.path('deep/er') });
        expect(loaded.root).toBe(project.root);
        expect(loaded.configFile).toBe(project.path('runtype.config.ts'));
        expect(loaded.flows.map((f) => f.flow.key)).toEqual(['a']);
      },
    ),
  );

  it(
    'can be named with configPath (--config), which also sets the root',
    withProject(
      {
        'conf/runtype.config.ts': "export default { flows: ['here/*.ts'] };\n",
        'conf/here/b.ts': flowSource('b', 'B'),
        'flows/a.ts': flowSource('a', 'A'),
      },
      async (project) => {
        const loaded = await load(project, { configPath: 'conf/runtype.config.ts' });
        expect(loaded.root).toBe(project.path('conf'));
        expect(loaded.flows.map((f) => f.flow.key)).toEqual(['b']);
      },
    ),
  );

  it(
    'without a default export is CONFIG_INVALID naming the file and what to write',
    withProject(
      {
        'runtype.config.ts':
          "import { defineConfig } from 'runtype-flows';\nexport const config = defineConfig({ flows: ['src/**/*.ts'] });\n",
      },
      async (project) => {
        const loaded = await load(project);
        const d = loaded.diagnostics.find((x) => x.code === 'CONFIG_INVALID');
        expect(d).toMatchObject({
          severity: 'error',
          file: project.path('runtype.config.ts'),
          line: 2,
        });
        expect(d?.message).toBe(
          'runtype.config.ts has no default export (it exports "config"), so none of it would be used',
        );
        expect(d?.hint).toContain('export default defineConfig(');
      },
    ),
  );

  it(
    'with a wrong field is CONFIG_INVALID at that field',
    withProject(
      {
        'runtype.config.ts':
          "import { defineConfig } from 'runtype-flows';\nexport default defineConfig({\n  concurrency: 'four' as never,\n});\n",
        'flows/a.ts': flowSource('a', 'A'),
      },
      async (project) => {
        const loaded = await load(project);
        expect(loaded.diagnostics.map((d) => [d.code, d.path, d.line, d.column])).toEqual([
          ['CONFIG_INVALID', ['concurrency'], 3, 16],
        ]);
      },
    ),
  );

  it(
    'that throws is CONFIG_LOAD_FAILED at the throwing line, with a hint about the config',
    withProject(
      {
        'runtype.config.ts': 'const x: any = undefined;\nexport default { concurrency: x.y };\n',
        'flows/a.ts': flowSource('a', 'A'),
      },
      async (project) => {
        const loaded = await load(project);
        expect(loaded.diagnostics).toHaveLength(1);
        expect(loaded.diagnostics[0]).toMatchObject({
          code: 'CONFIG_LOAD_FAILED',
          file: project.path('runtype.config.ts'),
          line: 2,
          column: 33,
        });
        expect(loaded.diagnostics[0]?.hint).toMatch(/config file runs on every command/);
      },
    ),
  );
});
