import { describe, expect, it } from 'vitest';
import { createModuleImporter } from '../../src/load/import/import-module.js';
import { transformModule } from '../../src/load/import/transform-module.js';
import { createTestProject } from '../helpers/project.js';

describe('transformModule', () => {
  it('rewrites import.meta in code only, keeping every line and the columns after it', () => {
    const source = [
      "const s = 'import.meta.url stays in a string';",
      '// import.meta stays in a comment',
      'export const url = import.meta.url; export const after = 1;',
    ].join('\n');
    const { code, lineOneInsert } = transformModule(source, '/p/flows/a.ts', { typescript: true });
    expect(code.split('\n')).toHaveLength(3);
    expect(code).toContain("'import.meta.url stays in a string'");
    expect(code).toContain('// import.meta stays in a comment');
    expect(code.split('\n')[2]).not.toContain('import.meta');
    expect(code.split('\n')[2]).toContain('$importMeta.url;');
    expect(lineOneInsert?.length).toBeGreaterThan(0);
  });

  it('throws parse errors in the "ParseError: reason\\n file:line:column" form, column 1-based', () => {
    expect(() =>
      transformModule('const x: number = ;\n', '/p/flows/b.ts', { typescript: true }),
    ).toThrow(/^ParseError: Unexpected token\n \/p\/flows\/b\.ts:1:19$/);
  });

  it('places an unterminated template at its backtick', () => {
    expect(() =>
      transformModule('const a = {\n  b: `open }},\n};\n', '/p/c.ts', { typescript: true }),
    ).toThrow(/c\.ts:2:6$/);
  });

  it('accepts "export default" twice in strings and templates, and one real one', () => {
    const source =
      "const t = `export default 1`;\nconst s = 'export default 2';\nexport default 3;\n";
    expect(() => transformModule(source, '/p/d.ts', { typescript: true })).not.toThrow();
  });
});

describe('import.meta in an imported module', () => {
  it('is the real file URL, with dirname, filename and resolve (flow and helper)', async () => {
    const project = createTestProject({
      'flows/t.ts': `import { readFile } from 'node:fs/promises';
import { helperUrl } from '../lib/helper.js';
export const text = await readFile(new URL('./prompt.txt', import.meta.url), 'utf8');
export const meta = { url: import.meta.url, dirname: import.meta.dirname, filename: import.meta.filename, resolved: import.meta.resolve('./prompt.txt'), helperUrl };
`,
      'flows/prompt.txt': 'hello',
      'lib/helper.ts': 'export const helperUrl: string = import.meta.url;\n',
    });
    try {
      const ns = await createModuleImporter()(project.path('flows/t.ts'));
      expect(ns.text).toBe('hello');
      expect(ns.meta).toEqual({
        url: `file://${project.path('flows/t.ts')}`,
        dirname: project.path('flows'),
        filename: project.path('flows/t.ts'),
        resolved: `file://${project.path('flows/prompt.txt')}`,
        helperUrl: `file://${project.path('lib/helper.ts')}`,
      });
    } finally {
      project.cleanup();
    }
  });
});
