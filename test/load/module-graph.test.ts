import { mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changedAndImporters } from '../../src/load/import/module-graph.js';
import { createTestProject, type TestProject } from '../helpers/project.js';

/**
 * What watch mode re-reads after a save: the changed files and every module that imports them —
 * also the importers jiti's cache does not record (it lists a module under its first importer
 * only).
 */
let project: TestProject;
afterEach(() => project.cleanup());

describe('changedAndImporters', () => {
  it('a helper imported by two flows evicts both, though the cache records only the first', () => {
    project = createTestProject({
      'lib/prompts.ts': "export const P = 'p';\n",
      'flows/a.ts': "import { P } from '../lib/prompts.js';\nexport default P;\n",
      'flows/b.ts': "import { P } from '../lib/prompts';\nexport default P;\n",
      'flows/c.ts': 'export default 1;\n',
    });
    const [a, b, c, helper] = ['flows/a.ts', 'flows/b.ts', 'flows/c.ts', 'lib/prompts.ts'].map(
      (f) => project.path(f),
    ) as [string, string, string, string];
    const modules = [
      { file: a, children: [helper] },
      { file: b, children: [] },
      { file: c, children: [] },
      { file: helper, children: [] },
    ];
    expect(new Set(changedAndImporters([helper], modules))).toEqual(new Set([helper, a, b]));
    // A flow nobody imports: itself alone.
    expect(changedAndImporters([c], modules)).toEqual([c]);
  });

  it('a changed file that is not a module (a prompt.txt read at import) evicts everything', () => {
    project = createTestProject({ 'flows/a.ts': 'export default 1;\n' });
    const modules = [{ file: project.path('flows/a.ts'), children: [] }];
    expect(changedAndImporters([project.path('flows/prompt.txt')], modules)).toBe('all');
  });

  it('through a symlinked root, a change seen under the link evicts the module cached by its real path', () => {
    project = createTestProject({
      'lib/h.ts': 'export const h = 1;\n',
      'flows/a.ts': "import { h } from '../lib/h';\nexport default h;\n",
    });
    const link = path.join(mkdtempSync(path.join(os.tmpdir(), 'graph-link-')), 'project');
    symlinkSync(project.root, link);
    // jiti: the flow under the link's path, the helper it imported under its real path.
    const flow = path.join(link, 'flows/a.ts');
    const helper = project.path('lib/h.ts');
    const modules = [
      { file: flow, children: [] },
      { file: helper, children: [] },
    ];
    const stale = changedAndImporters([path.join(link, 'lib/h.ts')], modules);
    expect(stale).toContain(helper);
    expect(stale).toContain(flow);
  });
});
