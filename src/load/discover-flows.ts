import { glob } from 'tinyglobby';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/*.d.ts', '**/*.test.ts', '**/*.spec.ts', '.runtype/**'];

/** Absolute paths of every module matched by the flow globs, sorted for stable output. */
export async function discoverFlowFiles(root: string, patterns: readonly string[]): Promise<string[]> {
  const files = await glob([...patterns], { cwd: root, absolute: true, ignore: ALWAYS_IGNORED, onlyFiles: true });
  return files.sort();
}
