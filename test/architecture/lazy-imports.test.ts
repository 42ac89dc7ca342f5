import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/**
 * The packages and files `file` pulls in when it is evaluated: its static, non-type imports,
 * followed through our own modules (a dynamic `import()` is not followed: that is the point).
 * Returns each reached package with the chain of files that reaches it.
 */
function staticPackages(file: string): Map<string, string[]> {
  const reachedFrom = new Map<string, string | undefined>([[file, undefined]]);
  const packages = new Map<string, string[]>();
  const chain = (from: string): string[] => {
    const files: string[] = [];
    for (let at: string | undefined = from; at; at = reachedFrom.get(at)) {
      files.unshift(path.relative(SRC, at));
    }
    return files;
  };
  const pending = [file];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    const source = readFileSync(current, 'utf8');
    for (const match of source.matchAll(/^(import|export)\s+(type\s)?[^;]*?from\s+'([^']+)'/gms)) {
      const [, , typeOnly, spec = ''] = match;
      if (typeOnly !== undefined || spec.startsWith('node:')) continue;
      if (spec.startsWith('.')) {
        const next = path.resolve(path.dirname(current), spec.replace(/\.js$/, '.ts'));
        if (!reachedFrom.has(next)) {
          reachedFrom.set(next, current);
          pending.push(next);
        }
      } else if (!packages.has(spec)) packages.set(spec, chain(current));
    }
  }
  return packages;
}

// What each command's module graph may not pull in at evaluation: the HTTP client (~140 ms) is
// imported when a command connects, ts-morph (the TypeScript compiler, ~600 ms) only when a
// diagnostic needs it, chokidar only for --watch, jiti only in the loader worker.
const HEAVY = ['undici', 'ts-morph', 'chokidar', 'jiti'];

describe('heavy packages load only when a command needs them (start-up time)', () => {
  const entries = [
    'cli/bin.ts',
    'cli/main.ts',
    'app/sync/sync.ts',
    'app/plan/plan.ts',
    'app/status/status.ts',
    'app/validate/validate.ts',
    'app/versions/versions.ts',
    'app/versions/rollback.ts',
  ];
  for (const entry of entries) {
    it(`${entry} imports none of ${HEAVY.join(', ')} statically`, () => {
      const packages = staticPackages(path.join(SRC, entry));
      const heavy = HEAVY.filter((name) => packages.has(name)).map(
        (name) => `${name} via ${packages.get(name)!.join(' -> ')}`,
      );
      expect(heavy).toEqual([]);
    });
  }

  it('the check sees a static import (the API client does import undici)', () => {
    expect(staticPackages(path.join(SRC, 'api/index.ts')).has('undici')).toBe(true);
  });
});
