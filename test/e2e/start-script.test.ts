import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestProject } from '../helpers/project.js';
// @ts-expect-error a plain .mjs script without declarations
import { isStale } from '../../scripts/build-if-stale.mjs';

const REPO = path.resolve(import.meta.dirname, '../..');
const stale = isStale as (root: string) => boolean;

describe('npm start', () => {
  it('syncs the local environment only: RUNTYPE_ENV or .env cannot redirect it', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toBe(
      'node scripts/build-if-stale.mjs && node bin/runtype-flows.mjs sync --env local',
    );
  });

  it('rebuilds only when a source is newer than the build', () => {
    const repo = createTestProject({ 'src/a.ts': '', 'tsconfig.json': '{}' });
    try {
      expect(stale(repo.root)).toBe(true); // never built
      const past = new Date(Date.now() - 60_000);
      for (const file of ['src/a.ts', 'src', 'tsconfig.json'])
        utimesSync(repo.path(file), past, past);
      repo.write('dist/cli/bin.js', '');
      // The build half a minute ago: a file written now is newer whatever the file system's
      // timestamp granularity (two writes in one tick used to compare equal, not newer).
      const built = new Date(Date.now() - 30_000);
      utimesSync(repo.path('dist/cli/bin.js'), built, built);
      expect(stale(repo.root)).toBe(false);
      repo.write('src/deep/b.ts', '');
      expect(stale(repo.root)).toBe(true);
    } finally {
      repo.cleanup();
    }
  });
});

describe('a clone without a build', () => {
  it('runs from the sources through jiti', () => {
    const clone = createTestProject();
    try {
      cpSync(path.join(REPO, 'bin'), clone.path('bin'), { recursive: true });
      cpSync(path.join(REPO, 'src'), clone.path('src'), { recursive: true });
      cpSync(path.join(REPO, 'package.json'), clone.path('package.json'));
      symlinkSync(path.join(REPO, 'node_modules'), clone.path('node_modules'), 'dir');
      const run = spawnSync(process.execPath, [clone.path('bin/runtype-flows.mjs'), '--version'], {
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.trim()).toBe(
        String(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version),
      );
    } finally {
      clone.cleanup();
    }
  });

  it('says what to run when the dependencies are not installed either', () => {
    const clone = createTestProject();
    try {
      cpSync(path.join(REPO, 'bin'), clone.path('bin'), { recursive: true });
      const run = spawnSync(process.execPath, [clone.path('bin/runtype-flows.mjs'), 'validate'], {
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Run `npm install` in the runtype-flows folder');
    } finally {
      clone.cleanup();
    }
  });
});
