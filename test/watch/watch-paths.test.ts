import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  allPaths,
  ignoredIn,
  isRelevant,
  mergeWatchPaths,
  watchPathsOf,
} from '../../src/app/watch/paths.js';
import type { Project } from '../../src/load/project/load-project.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'runtype-watch-paths-'));
mkdirSync(path.join(root, 'flows'));
mkdirSync(path.join(root, 'src', 'flows'), { recursive: true });
mkdirSync(path.join(root, 'lib'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const at = (...parts: string[]) => path.join(root, ...parts);

function project(globs: string[], extra: Partial<Project> = {}): Project {
  return {
    root,
    configFile: at('runtype.config.ts'),
    config: { flows: globs } as Project['config'],
    files: [at('flows', 'a.ts')],
    flows: [],
    helperModules: [],
    diagnostics: [],
    ...extra,
  };
}

describe('watchPathsOf', () => {
  it('watches the folders the globs start from, the config, the matched files, what was loaded and files with diagnostics', () => {
    const diagnostics = [
      {
        severity: 'error' as const,
        code: 'MODULE_SYNTAX',
        message: 'x',
        file: at('lib', 'broken.ts'),
      },
    ];
    const paths = watchPathsOf(
      project(['flows/**/*.ts', 'src/flows/*.flow.ts', '*.flow.ts', '!flows/skip/**'], {
        diagnostics,
      }),
      [at('lib', 'helper.ts')],
    );
    expect(paths.folders).toEqual([at('flows'), at('src', 'flows'), root]);
    // A folder that does not exist yet cannot be watched: the nearest one above it is.
    expect(watchPathsOf(project(['src/later/flows/*.ts'])).folders).toEqual([at('src')]);
    expect([...paths.files].sort()).toEqual(
      [
        at('flows', 'a.ts'),
        at('lib', 'broken.ts'),
        at('lib', 'helper.ts'),
        at('runtype.config.ts'),
      ].sort(),
    );
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
  const proj = path.resolve('/home/dist/proj');
  const ignored = ignoredIn(proj, () => new Set([path.join(proj, 'flows', 'fixtures.test.ts')]));
  it.each([
    ['flows/a.ts', false],
    // What flow discovery reads is watched: dist is build output only when the globs say so.
    ['dist/flows/a.ts', false],
    ['src/.git/notes.ts', false],
    ['node_modules/x/index.js', true],
    ['flows/node_modules/x/index.js', true],
    ['.git/HEAD', true],
    ['.runtype/lock/a.json', true],
    ['flows/types.d.ts', true],
    ['flows/a.spec.ts', true],
    // ...but never a file the last load read, whatever its name.
    ['flows/fixtures.test.ts', false],
  ] as const)('%s → %s (the root lying under a "dist" folder does not count)', (file, expected) => {
    expect(ignored(path.join(proj, file))).toBe(expected);
  });
  it('a helper outside the root is ignored only inside node_modules', () => {
    expect(ignored(path.resolve('/home/shared/prompts.ts'))).toBe(false);
    expect(ignored(path.resolve('/home/node_modules/pkg/index.ts'))).toBe(true);
  });
});

describe('while the last load was invalid', () => {
  const broken = watchPathsOf(
    project(['flows/**/*.ts'], {
      diagnostics: [
        {
          severity: 'error',
          code: 'MODULE_IMPORT_FAILED',
          message: 'x',
          file: at('flows', 'a.ts'),
        },
      ],
    }),
    [],
  );
  it('watches the root, and any module saved under it starts a cycle (the missing import may be created anywhere)', () => {
    expect(broken.anyModuleUnder).toBe(root);
    expect(allPaths(broken)).toContain(root);
    expect(isRelevant(broken, { kind: 'add', path: at('lib', 'new-helper.ts') })).toBe(true);
    expect(isRelevant(broken, { kind: 'change', path: at('scripts', 'tool.ts') })).toBe(true);
    expect(isRelevant(broken, { kind: 'add', path: at('lib', 'notes.md') })).toBe(false);
  });
  it('a valid load ends that', () => {
    const valid = mergeWatchPaths(broken, watchPathsOf(project(['flows/**/*.ts']), []));
    expect(valid.anyModuleUnder).toBeUndefined();
    expect(isRelevant(valid, { kind: 'add', path: at('lib', 'new-helper.ts') })).toBe(false);
  });
});

describe('files beside loaded modules', () => {
  it('are watched (what a flow reads while loading), except editor and lock files', () => {
    for (const name of ['prompt.txt', 'data.json', '.a.ts.swp', 'a.ts~', '4913', '#a.ts#'])
      writeFileSync(at('lib', name), '');
    writeFileSync(at('runtype.lock.json'), '{}');
    const paths = watchPathsOf(project(['flows/**/*.ts']), [
      at('lib', 'helper.ts'),
      at('root-helper.ts'),
    ]);
    expect([...paths.files].filter((f) => !f.endsWith('.ts')).sort()).toEqual([
      at('lib', 'data.json'),
      at('lib', 'prompt.txt'),
    ]);
  });
});
