import { ExitError } from '../errors.js';
import type { AppContext } from '../app/context.js';
import { assertWorkingDirectory, buildContext, type ProcessIo } from './build-context.js';
import type { GlobalOptions } from './global-options.js';

/** What command modules get from main: the process's world and a place to put the exit code. */
export interface CliRuntime {
  io: ProcessIo;
  signal: AbortSignal;
  exitCode: number;
  version: string;
}

export const EXIT = { ok: 0, error: 1, actionNeeded: 2, interrupted: 130 } as const;

/**
 * The error boundary every command runs inside: a use-case returns an exit
 * code or throws; ExitError means "already reported", RuntypeError is shown
 * with its hint, anything else is a bug. Ctrl-C is 130.
 */
export async function runInContext(
  runtime: CliRuntime,
  options: GlobalOptions,
  body: (ctx: AppContext) => Promise<number>,
): Promise<void> {
  const ctx = buildContext(options, runtime.io, runtime.signal);
  try {
    assertWorkingDirectory(ctx.cwd);
    const code = await body(ctx);
    // A command that finished "ok" after Ctrl-C still did not do all it was asked to.
    runtime.exitCode = runtime.signal.aborted && code === EXIT.ok ? EXIT.interrupted : code;
  } catch (error) {
    if (runtime.signal.aborted) {
      ctx.reporter.info('interrupted');
      runtime.exitCode = EXIT.interrupted;
    } else if (error instanceof ExitError) {
      runtime.exitCode = error.exitCode;
    } else {
      ctx.reporter.error(error);
      runtime.exitCode = EXIT.error;
    }
  }
}
