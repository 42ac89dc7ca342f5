import type { ResolvedConfig } from '../../model/config.js';
import type { LoadedConfig } from '../project/load-config.js';
import type { LoadedProject, LoadRequest } from '../project/project-loader.js';

/**
 * The messages between the CLI and its loader worker. Everything is plain
 * data (structured clone): requests, payloads, diagnostics, the module list;
 * never a function, a class instance or a flow object itself.
 */
export type ToWorker =
  | { id: number; kind: 'project'; request: Omit<LoadRequest, 'locations'> }
  | { id: number; kind: 'config'; configFile: string | undefined; root: string };

export type FromWorker =
  /** The worker took the request: the deadline (of user code, not of this thread's start) runs. */
  | { kind: 'started' }
  /** Something user code started (a timer, a callback) threw outside any import. */
  | { kind: 'crashed'; message: string }
  /** About to import this module: what the CLI names if the deadline passes now. */
  | { kind: 'module'; file: string }
  /**
   * The config was read: its loadTimeoutMs (if any) is the deadline from now on; `config` when
   * the file had no error (what a command may connect with while the flows load).
   */
  | { kind: 'config-read'; configFile?: string; loadTimeoutMs?: number; config?: ResolvedConfig }
  | { id: number; kind: 'project'; project: LoadedProject }
  | { id: number; kind: 'config'; config: LoadedConfig }
  | { id: number; kind: 'failed'; error: WorkerError };

/** An error thrown while loading, as data: a RuntypeError keeps its code and hint. */
export interface WorkerError {
  message: string;
  code?: string;
  hint?: string;
}

/** A request before the client numbers it. */
export type WorkerRequest = ToWorker extends infer T
  ? T extends unknown
    ? Omit<T, 'id'>
    : never
  : never;
