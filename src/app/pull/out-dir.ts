import path from 'node:path';
import { RuntypeError } from '../../errors.js';

/**
 * Where pulled modules go: `--out DIR`, else the folder of the first flow
 * glob (`flows/**\/*.ts` → `flows`). A folder the globs do not cover is
 * refused: the pulled flows would not be loaded, and the next
 * `sync --prune` would delete them remotely.
 */
export function resolveOutDir(
  root: string,
  globs: readonly string[],
  out: string | undefined,
  cwd: string,
): string {
  const dir =
    out === undefined ? path.join(root, globBase(globs[0] ?? 'flows')) : path.resolve(cwd, out);
  const probe = path.relative(root, path.join(dir, 'pulled-flow.ts')).split(path.sep).join('/');
  if (!probe.startsWith('../') && globs.some((glob) => globRegExp(glob).test(probe))) return dir;
  throw new RuntypeError(
    'PULL_OUT_NOT_COVERED',
    `--out ${path.relative(cwd, dir) || '.'} ` +
      `is not covered by the flow globs (${globs.join(', ')})`,
    {
      hint:
        "Pull into a folder the globs match (the default is the first glob's folder), " +
        'or add one to `flows` in runtype.config.ts; files outside the globs are not loaded, ' +
        'and the next `sync --prune` would delete what was pulled.',
    },
  );
}

// --- internal ---

/** The path segments before the first one with a glob character. */
function globBase(glob: string): string {
  const segments = glob.split('/');
  const index = segments.findIndex((s) => /[*?[\]{}!]/.test(s));
  return (index < 0 ? segments.slice(0, -1) : segments.slice(0, index)).join('/') || '.';
}

/** A glob as a RegExp over `/`-separated relative paths: `**`, `*`, `?`, `{a,b}` and `[...]`. */
export function globRegExp(glob: string): RegExp {
  let out = '';
  const source = glob.replace(/^\.\//, '');
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i]!;
    if (char === '*' && source[i + 1] === '*') {
      const slash = source[i + 2] === '/';
      out += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') out += '[^/]*';
    else if (char === '?') out += '[^/]';
    else if (char === '{') out += '(?:';
    else if (char === '}') out += ')';
    else if (char === ',') out += '|';
    else if (char === '[') {
      const end = source.indexOf(']', i);
      out += end < 0 ? '\\[' : source.slice(i, end + 1);
      if (end >= 0) i = end;
    } else out += char.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}
