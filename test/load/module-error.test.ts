import { afterAll, describe, expect, it } from 'vitest';
import { createModuleImporter } from '../../src/load/import/import-module.js';
import {
  analyseModuleError,
  moduleErrorDiagnostic,
  moduleFailureDiagnostic,
} from '../../src/load/import/module-error.js';
import { createTestProject } from '../helpers/project.js';

/**
 * Real modules imported through the real jiti importer, so the errors carry
 * exactly the stacks, wrappers and transformed columns `validate` sees.
 */
const project = createTestProject({
  'flows/throw-string.ts': "throw 'a bare string';\n",
  'flows/throws-later.ts': `import { defineFlow, prompt } from 'runtype-flows';

const table: Record<string, { v: string }> = {};

export default defineFlow({
  key: 'throws-later',
  name: 'Throws Later',
  steps: [
    prompt('p', { name: 'P', model: 'm', userPrompt: table['missing']!.v }),
  ],
});
`,
  'flows/line-one.ts': "const n: number = 1; throw new Error('on line one ' + n);\n",
  'flows/uses-helper.ts': "import { X } from '../lib/throws.js';\nexport default X;\n",
  'lib/throws.ts': "export const X: number = 1; throw new Error('helper exploded');\n",
  'flows/uses-syntax.ts': "import { Y } from '../lib/syntax.js';\nexport default Y;\n",
  'lib/syntax.ts': 'export const Y = 1;\nexport const Z = {\n  a: 1\n  b: 2,\n};\n',
  'flows/type-syntax.ts': "import { defineFlow } from 'runtype-flows';\nconst x: number = ;\n",
  'flows/uses-tla.ts': "import { T } from '../lib/tla.js';\nexport default T;\n",
  'lib/tla.ts': 'const wait = Promise.resolve(1);\nexport const T = await wait;\n',
  'flows/two-defaults.ts': 'export default 1;\n\nexport default 2;\n',
  'runtype.config.ts': 'const x: any = undefined;\nexport default { concurrency: x.y };\n',
});
const importModule = createModuleImporter();
afterAll(() => project.cleanup());

async function failure(relative: string) {
  const file = project.path(relative);
  const error = await importModule(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `${relative} should fail to import`).toBeDefined();
  return analyseModuleError(file, error);
}

describe('analyseModuleError', () => {
  it('places a non-Error throw in the module itself, never inside the loader', async () => {
    const f = await failure('flows/throw-string.ts');
    expect(f).toMatchObject({
      syntax: false,
      file: project.path('flows/throw-string.ts'),
      reason: 'threw "a bare string", not an Error',
    });
    expect(f.line).toBeUndefined();
    expect(f.hint).toContain('throw new Error');
  });

  it('maps a runtime error column back from the transformed code to the source', async () => {
    // Line 9 is 76 characters; the transformed line is longer (the helper call is rewritten, `!`
    // removed).
    const f = await failure('flows/throws-later.ts');
    expect(f).toMatchObject({ file: project.path('flows/throws-later.ts'), line: 9, column: 72 });
    expect(f.reason).toBe("TypeError: Cannot read properties of undefined (reading 'v')");
  });

  it('maps line 1, where jiti puts its function wrapper, for the imported module and for a helper', async () => {
    expect(await failure('flows/line-one.ts')).toMatchObject({ line: 1, column: 28 });
    expect(await failure('flows/uses-helper.ts')).toMatchObject({
      file: project.path('lib/throws.ts'),
      line: 1,
      column: 35,
    });
  });

  it('reports a throw in a helper module at the helper, not at the import line of the flow', async () => {
    const f = await failure('flows/uses-helper.ts');
    const d = moduleFailureDiagnostic(f, [project.path('flows/uses-helper.ts')], {
      root: project.root,
    });
    expect(d).toMatchObject({
      code: 'MODULE_IMPORT_FAILED',
      file: project.path('lib/throws.ts'),
      line: 1,
      column: 35,
    });
    expect(d.message).toBe(
      'importing the module threw: helper exploded (loaded by flows/uses-helper.ts)',
    );
  });

  it("reports a syntax error in a helper module at the helper, with sucrase's column as is", async () => {
    const f = await failure('flows/uses-syntax.ts');
    expect(f).toMatchObject({
      syntax: true,
      file: project.path('lib/syntax.ts'),
      line: 4,
      column: 3,
      reason: 'Unexpected token, expected ","',
    });
  });

  it('gives the column of the unexpected token, not one to its right', async () => {
    expect(await failure('flows/type-syntax.ts')).toMatchObject({
      syntax: true,
      line: 2,
      column: 19,
    });
  });

  it('refuses a second export default, as real ESM does', async () => {
    expect(await failure('flows/two-defaults.ts')).toMatchObject({
      syntax: true,
      line: 3,
      column: 1,
      reason: "Duplicate export of 'default'",
    });
  });

  it('names top-level await in a required helper as a syntax error there, with a hint', async () => {
    const f = await failure('flows/uses-tla.ts');
    expect(f).toMatchObject({ syntax: true, file: project.path('lib/tla.ts'), line: 2 });
    expect(f.hint).toContain('Top-level await');
  });
});

describe('moduleErrorDiagnostic for the config file', () => {
  it('is CONFIG_LOAD_FAILED with a hint about the config, at the mapped position', async () => {
    const file = project.path('runtype.config.ts');
    const error = await importModule(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    const d = await moduleErrorDiagnostic(file, error, { root: project.root, config: true });
    expect(d).toMatchObject({ code: 'CONFIG_LOAD_FAILED', file, line: 2 });
    expect(d.message).toContain('loading the config threw: TypeError');
    expect(d.hint).toContain('export default defineConfig');
    expect(d.hint).not.toContain('flow module');
  });
});
