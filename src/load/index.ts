/**
 * load/: files on disk → a validated project. The one entry the rest of the tool imports it by
 * (the process entry's standby worker and the worker's own entry aside: they are started by
 * path, before or beside everything else).
 *
 * - project/: find the config, discover flow files, exports → flows, flow-set checks;
 * - import/: run user TypeScript (jiti, lazily), module errors, stack frames;
 * - locate/: place diagnostics at file:line:column (ts-morph, lazily);
 * - worker/: the loader worker the CLI runs user code in, behind a deadline.
 */
export { findProject, type ProjectLocation } from './project/find-config.js';
export { discoverFlowFiles, NEVER_FLOW_FILES } from './project/discover-flows.js';
export type { LoadedFlow, Project } from './project/load-project.js';
export type { LoadedConfig } from './project/load-config.js';
export type {
  LoadedProject,
  LoadRequest,
  PrefetchRequest,
  ProjectLoader,
} from './project/project-loader.js';
export { inThreadLoader } from './project/in-thread-loader.js';
export type { ImportModule } from './import/import-module.js';
export { createLazyImporter } from './import/lazy-importer.js';
export { LocationCache, locateDiagnostics } from './locate/locate-diagnostics.js';
export { DEFAULT_LOAD_DEADLINE, type LoadDeadline } from './worker/load-deadline.js';
export { builtWorkerEntry, createWorkerLoader } from './worker/worker-loader.js';
