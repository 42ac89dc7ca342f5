import type { LocationCache } from '../locate/locate-diagnostics.js';
import type { ResolvedConfig } from '../../model/config.js';
import type { LoadedConfig } from './load-config.js';
import type { Project } from './load-project.js';

/** What a command asks of the loader: the project as found from `cwd` (and --config). */
export interface LoadRequest {
  cwd: string;
  configPath?: string;
  /**
   * The files that changed since the last load of this loader (watch mode): only they and the
   * modules that import them are read again. Undefined: every project module is read afresh.
   */
  changed?: readonly string[];
  /** What locating learnt, for a process that loads the project again and again (watch). */
  locations?: LocationCache;
}

/** A loaded project plus the module graph watch mode needs (plain data, file paths). */
export interface LoadedProject extends Project {
  /** Every project module the load read (flows, helpers, the config), wherever it lies. */
  modules: string[];
}

/**
 * Loads user code: the config and the flow modules. The CLI's loader runs
 * them in a worker thread (worker/worker-loader.ts), behind a deadline; tests
 * that import src/ use the in-thread one (in-thread-loader.ts). Either way,
 * what comes back is plain data.
 */
export interface ProjectLoader {
  loadProject(request: LoadRequest): Promise<LoadedProject>;
  /** The config alone, without a flow (`envs`, `doctor`). */
  loadConfig(configFile: string | undefined, root: string): Promise<LoadedConfig>;
  /** Ends whatever the loader keeps (a worker); the loader may be used again afterwards. */
  close(): Promise<void>;
  /**
   * Starts loading the project now, before the command asks (the CLI calls it as soon as it
   * knows the command will load): the command's own `loadProject` of the same request, without
   * `changed`, is then answered by this load, once. Loaders that cannot gain from it omit it.
   */
  prefetch?(request: PrefetchRequest): void;
  /**
   * The config of the prefetched load of `request`, as soon as the worker has read it, before
   * the flows: undefined when nothing was prefetched for it; null when the config had an error
   * or the load failed before reading it.
   */
  prefetchedConfig?(request: PrefetchRequest): Promise<ResolvedConfig | null | undefined>;
}

/** What a prefetch names: the project as found from `cwd` (and --config). */
export type PrefetchRequest = Pick<LoadRequest, 'cwd' | 'configPath'>;
