import { stat } from 'node:fs/promises';
import { discoverFlowFiles } from '../../load/project/discover-flows.js';
import type { Project } from '../../load/project/load-project.js';

/**
 * chokidar reports only what happens once it watches a path, and it starts
 * on a path only after the load that found it: a save in between (during the
 * first load of a big project, say) would be lost. These are the files to
 * treat as changed once the watcher covers them: those among `files` modified
 * since the load began, and — when `rediscover` — flow files created while it
 * ran. (A file saved just before the load began may come out too: one cycle
 * that finds nothing to do.)
 */
export async function changedDuringLoad(project: Project, files: readonly string[], loadStartedMs: number, rediscover: boolean): Promise<string[]> {
  const changed = await Promise.all(
    files.map(async (file) => {
      const mtime = await stat(file).then((s) => s.mtimeMs, () => undefined);
      return mtime !== undefined && mtime > loadStartedMs ? [file] : [];
    }),
  );
  const known = new Set(project.files);
  const appeared = rediscover ? (await discoverFlowFiles(project.root, project.config.flows)).filter((file) => !known.has(file)) : [];
  return [...new Set([...changed.flat(), ...appeared])];
}

/** Wall-clock time with sub-millisecond precision, as file modification times have it. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}
