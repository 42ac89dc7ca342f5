import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ignoredIn, isRelevant, mergeWatchPaths, watchPathsOf } from '../../src/app/watch-paths.js';
import type { Project } from '../../src/load/load-project.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'runtype-watch-paths-'));
mkdirSync(path.join(root, 'flows'));
mkdirSync(path.join(root, 'src', 'flows'), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));
const at = (...parts: string[]) => path.join(root, ...parts);

function project(globs: string[], extra: Partial<Project> = {}): Project {
  return { root, configFile: at('runtype.config.ts'), config: { flows: globs } as Project['config'], files: [at('flows', 'a.ts')], flows: [], helperModules: [], diagnostics: [], ...extra };
}

describe('watchPathsOf', () => {
  it('watches the folders the globs start from, the config, the matched files, what was loaded and files with diagnostics', () => {
    const diagnostics = [{ severity: 'error' as const, code: 'MODULE_SYNTAX', message: 'x', file: at('lib', 'broken.ts') }];
    const paths = watchPathsOf(project(['flows/**/*.ts', 'src/flows/*.flow.ts', '*.flow.ts', '!flows/skip/**'], { diagnostics }), [at('lib', 'helper.ts')]);
    expect(paths.folders).toEqual([at('flows'), at('src', 'flows'), root]);
    // A folder that does not exist yet cannot be watched: the nearest one above it is.
    expect(watchPathsOf(project(['src/later/flows/*.ts'])).folders).toEqual([at('src')]);
    expect([...paths.files].sort()).toEqual([at('flows', 'a.ts'), at('lib', 'broken.ts'), at('lib', 'helper.ts'), at('runtype.config.ts')].sort());
  });

  it('an invalid load forgets nothing the previous one watched', () => {
    const before = watchPathsOf(project(['flows/*.ts']), [at('lib', 'helper.ts')]);
    const merged = mergeWatchPaths(before, watchPathsOf(project(['flows/*.ts']), []));
    expect(merged.files).toContain(at('lib', 'helper.ts'));
  });
});

describe('isRelevant', () => {
  const paths = watchPathsOf(project(['flows/**/*.ts']), [at('lib', 'helper.ts')]);
  it.each([
    ['change', at('lib', 'helper.ts'), true],
    ['change', at('runtype.config.ts'), true],
    ['add', at('flows', 'deep', 'new.ts'), true],
    ['unlink', at('flows', 'b.mts'), true],
    ['add', at('flows', 'notes.md'), false],
    ['change', at('flows', 'never-loaded.ts'), false],
    ['add', at('scripts', 'tool.ts'), false],
  ] as const)('%s %s → %s', (kind, file, expected) => {
    expect(isRelevant(paths, { kind, path: file })).toBe(expected);
  });
});

describe('ignoredIn', () => {
  it('ignores node_modules, .git, .runtype and dist below the root only', () => {
    const ignored = ignoredIn(path.resolve('/home/dist/proj'));
    expect(ignored(path.resolve('/home/dist/proj/flows/a.ts'))).toBe(false);
    for (const folder of ['node_modules/x/index.js', '.git/HEAD', '.runtype/lock/a.json', 'dist/cli.js']) expect(ignored(path.resolve('/home/dist/proj', folder))).toBe(true);
  });
});
