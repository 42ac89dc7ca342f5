import { discoverFlowFiles, type Project } from '../../load/index.js';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * chokidar reports only what happens once it watches a path, and it starts
 * on a path only after the load that found it: a save in between (during the
 * first load of a big project, say) would be lost. These are the files to
 * treat as changed once the watcher covers them: those among `files` modified
 * since the load began, and — when `rediscover` — flow files created while it
 * ran. (A file saved just before the load began may come out too: one cycle
 * that finds nothing to do.)
 */
export async function changedDuringLoad(
  project: Project,
  files: readonly string[],
  loadStartedMs: number,
  rediscover: boolean,
): Promise<string[]> {
  const changed = await Promise.all(
    files.map(async (file) => {
      const mtime = await stat(file).then(
        (s) => s.mtimeMs,
        () => undefined,
      );
      return mtime !== undefined && mtime > loadStartedMs ? [file] : [];
    }),
  );
  const known = new Set(project.files);
  const appeared = rediscover
    ? (await discoverFlowFiles(project.root, project.config.flows)).filter(
        (file) => !known.has(file),
      )
    : [];
  return [...new Set([...changed.flat(), ...appeared])];
}

/**
 * "Now" on the clock file modification times are stamped with: the mtime of a probe file
 * written now. Not the process's clock: Linux stamps files from a coarse clock (up to a
 * scheduler tick behind), so a save made right after a load began could look older than a
 * `Date.now()` taken then. One a watch session, which removes its probe folder when it ends.
 */
export class FileClock {
  #dir: Promise<string> | undefined;

  /**
   * With `settle`, it also waits until that clock has moved past the returned time (at most a
   * tick), so everything written afterwards — user code run by the load included — has a
   * strictly later mtime, and everything written before has one no later.
   */
  async now(settle = false): Promise<number> {
    this.#dir ??= mkdtemp(path.join(os.tmpdir(), 'runtype-flows-clock-'));
    const probe = path.join(await this.#dir, 'probe');
    const stamp = async () => {
      await writeFile(probe, '');
      return (await stat(probe)).mtimeMs;
    };
    const now = await stamp();
    for (let i = 0; settle && i < 50 && (await stamp()) <= now; i += 1) await sleep(1);
    return now;
  }

  /** Removes the probe folder (the clock can be used again afterwards). */
  async close(): Promise<void> {
    const dir = this.#dir;
    this.#dir = undefined;
    if (dir !== undefined) await rm(await dir, { recursive: true, force: true });
  }
}
