import type { ResolvedConfig } from '../../model/config.js';
import { loadedProjectModules, type ImportModule } from '../import/import-module.js';
import { loadProject } from './load-project.js';
import type { LoadedProject, LoadRequest } from './project-loader.js';

/**
 * The part of a load that runs user code, the same in the worker and in the
 * in-thread loader: forget what changed (or every project module), import and
 * parse, and list the project modules read. Diagnostics are not located here
 * (that parses sources with ts-morph, which the worker should not carry):
 * the caller does it (see locateProject).
 */
export async function readProject(
  importModule: ImportModule,
  request: Omit<LoadRequest, 'locations'>,
  onConfig?: (config: ResolvedConfig, configFile: string | undefined, valid: boolean) => void,
): Promise<LoadedProject> {
  const project = await loadProject({
    cwd: request.cwd,
    ...(request.configPath === undefined ? {} : { configPath: request.configPath }),
    importModule,
    locate: false,
    ...(request.changed === undefined ? {} : { changed: request.changed }),
    ...(onConfig === undefined ? {} : { onConfig }),
  });
  const modules = loadedProjectModules([
    ...project.files,
    ...(project.configFile ? [project.configFile] : []),
  ]);
  return { ...project, modules };
}
