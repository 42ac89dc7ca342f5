import type { ImportModule } from '../import/import-module.js';
import { loadConfig } from './load-config.js';
import { locateProject } from './locate-project.js';
import type { ProjectLoader } from './project-loader.js';

/**
 * User code run on the calling thread, with no deadline of its own beyond
 * what `importModule` enforces: for tests that import src/ (a worker cannot
 * start from TypeScript sources) and for running from source. The built CLI
 * always loads in a worker (worker/worker-loader.ts). read-project.ts (and
 * with it jiti) is imported on the first load: the CLI, which only picks
 * this loader when running from source, never pays for it otherwise.
 */
export function inThreadLoader(importModule: ImportModule): ProjectLoader {
  // One load at a time, as the worker serves them: a config read while the flows load (app/plan/listing-ahead.ts)
  // must not run inside a project load, which forgets the project's modules as it begins.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    loadProject: (request) =>
      serial(async () => {
        const { readProject } = await import('./read-project.js');
        return locateProject(await readProject(importModule, request), request.locations);
      }),
    loadConfig: (configFile, root) => serial(() => loadConfig(configFile, importModule, root)),
    close: () => Promise.resolve(),
  };
}
