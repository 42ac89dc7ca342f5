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

/** Absolute paths of every module matched by the flow globs, sorted for stable output. */
export async function discoverFlowFiles(
  root: string,
  patterns: readonly string[],
): Promise<string[]> {
  const files = await glob([...patterns], {
    cwd: root,
    absolute: true,
    ignore: ALWAYS_IGNORED,
    onlyFiles: true,
  });
  return files.sort();
}
