import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';

/**
 * What discovery never returns, whatever the globs say: folders named so
 * anywhere, folders at the project root, file name endings. Watch mode
 * ignores the same (src/app/watch/paths.ts), so it never misses a flow file
 * discovery would load.
 */
export const NEVER_FLOW_FILES = {
  folders: ['node_modules'],
  rootFolders: ['.runtype'],
  endings: ['.d.ts', '.test.ts', '.spec.ts'],
} as const;

const ALWAYS_IGNORED = [
  ...NEVER_FLOW_FILES.folders.map((folder) => `**/${folder}/**`),
  ...NEVER_FLOW_FILES.endings.map((ending) => `**/*${ending}`),
  ...NEVER_FLOW_FILES.rootFolders.map((folder) => `${folder}/**`),
];

/** Absolute paths of every module matched by the flow globs inside the project, sorted. */
export async function discoverFlowFiles(
  root: string,
  patterns: readonly string[],
): Promise<string[]> {
  return (await discoverFlows(root, patterns)).files;
}

/** What the globs reach that is not the project's: never imported, always said. */
export type OutsideProject =
  { kind: 'glob'; pattern: string } | { kind: 'link'; file: string; target: string };

/**
 * The flow modules of the project. Only files inside the project root are
 * ever imported: a glob that leaves it (`../**\/*.ts`, an absolute path) is
 * not even run — it would walk a neighbour's tree and its node_modules — and
 * a file reached through a symlink whose real path lies outside is refused,
 * naming the link. Both are reported, never skipped silently.
 */
export async function discoverFlows(
  root: string,
  patterns: readonly string[],
): Promise<{ files: string[]; outside: OutsideProject[] }> {
  const outside: OutsideProject[] = [];
  const inside = patterns.filter((pattern) => {
    const leaves = path.isAbsolute(pattern) || pattern.split(/[\\/]/).includes('..');
    if (leaves) outside.push({ kind: 'glob', pattern });
    return !leaves;
  });
  const matched =
    inside.length === 0
      ? []
      : await glob(inside, { cwd: root, absolute: true, ignore: ALWAYS_IGNORED, onlyFiles: true });
  const realRoot = await realpath(root);
  const files: string[] = [];
  for (const file of matched.sort()) {
    const real = await realpath(file).catch(() => file);
    if (isInside(realRoot, real)) files.push(file);
    else outside.push({ kind: 'link', file, target: real });
  }
  return { files, outside };
}

// --- internal ---

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
