import type { ProjectLoader } from '../load/index.js';
import type { Reporter } from './reporter.js';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Everything a use-case needs from the outside world, passed in by cli/
 * (or by a test). No use-case reads process.* or a module-level singleton.
 */
export interface AppContext {
  cwd: string;
  /** The variables: the shell's, with the project's `.env` filling what the shell leaves unset. */
  env: Env;
  /**
   * Which of `env` the project's `.env` filled (not the shell), so a message can say where a
   * value came from (`RUNTYPE_API_URL in .env`). Plain data on the context: nothing to look up.
   */
  fromDotEnv?: ReadonlySet<string>;
  reporter: Reporter;
  /** Runs user code (the config, flow modules): in a worker for the CLI. */
  loader: ProjectLoader;
  /** Explicit --config path, if any. */
  configPath?: string;
  /** "A terminal" (DESIGN.md): stdin and stderr are TTYs and CI is unset; decided by cli/. */
  interactive: boolean;
  /** Asks a yes/no question; only called when `interactive`. */
  confirm: (question: string) => Promise<boolean>;
  now: () => Date;
  signal?: AbortSignal;
}
