import type { AppContext } from '../../src/app/context.js';
import { createModuleImporter } from '../../src/load/import/import-module.js';
import { inThreadLoader } from '../../src/load/project/in-thread-loader.js';
import { createReporter, type ReporterOptions } from '../../src/report/create-reporter.js';

type Stream = ReporterOptions['stdout'];

export interface TestContextOptions {
  /** Over `NO_COLOR=1` (e.g. the API key). */
  env?: Record<string, string>;
  /** Default: output discarded. */
  stdout?: Stream;
  stderr?: Stream;
  json?: boolean;
  verbose?: boolean;
  /** "A terminal" (default: not one), and how its questions are answered (default: no). */
  interactive?: boolean;
  confirm?: AppContext['confirm'];
  signal?: AbortSignal;
}

/**
 * An application context as the CLI builds one, for tests that call src/app directly: user
 * code loads in-thread (no worker from TypeScript sources), colour is off, nothing is asked
 * unless the test says how to answer.
 */
export function testContext(cwd: string, options: TestContextOptions = {}): AppContext {
  const discard: Stream = { write: () => true, isTTY: false };
  return {
    cwd,
    env: { NO_COLOR: '1', ...options.env },
    reporter: createReporter({
      json: options.json === true,
      verbose: options.verbose === true,
      stdout: options.stdout ?? discard,
      stderr: options.stderr ?? discard,
      env: { NO_COLOR: '1' },
    }),
    loader: inThreadLoader(createModuleImporter()),
    interactive: options.interactive === true,
    confirm: options.confirm ?? (() => Promise.resolve(false)),
    now: () => new Date(),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}
