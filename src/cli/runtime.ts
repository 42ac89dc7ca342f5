import type { AppContext } from '../app/context.js';
import type { ProcessIo } from './build-context.js';
import type { GlobalOptions } from './global-options.js';

/** What command modules get from main: the process's world and a place to put the exit code. */
export interface CliRuntime {
  io: ProcessIo;
  signal: AbortSignal;
  exitCode: number;
  version: string;
  /** The command's first act is loading the project: the load starts before its modules load. */
  prefetchProject: boolean;
}

export const EXIT = { ok: 0, error: 1, actionNeeded: 2, interrupted: 130 } as const;

/** What a command's body returns: its exit code, and whether Ctrl-C is how it normally ends. */
export interface CommandExit {
  code: number;
  /**
   * `sync --watch` and `emulator` run until Ctrl-C: then their code stands (0, not 130).
   */
  ctrlCIsNormalEnd?: boolean;
}

/**
 * The error boundary every command runs inside, the one place that turns what a command did
 * into an exit code: a use-case returns an exit code or throws; a RuntypeError is shown with its
 * hint, anything else is a bug. Ctrl-C is 130 (DESIGN.md), unless the command says it is its
 * normal end.
 */
export async function runInContext(
  runtime: CliRuntime,
  options: GlobalOptions,
  body: (ctx: AppContext) => Promise<number | CommandExit>,
): Promise<void> {
  // Loaded when a command runs, not when main() builds the parser: the reporter (every
  // formatter) and the project finder are ~70 ms that --help, --version and usage errors skip.
  const { assertWorkingDirectory, buildContext } = await import('./build-context.js');
  const ctx = buildContext(options, runtime.io, runtime.signal);
  try {
    assertWorkingDirectory(ctx.cwd);
    // The load starts now, while the command's own modules are imported (command-table.ts).
    if (runtime.prefetchProject) {
      ctx.loader.prefetch?.({
        cwd: ctx.cwd,
        ...(ctx.configPath === undefined ? {} : { configPath: ctx.configPath }),
      });
    }
    const returned = await body(ctx);
    const { code, ctrlCIsNormalEnd = false } =
      typeof returned === 'number' ? { code: returned } : returned;
    // A command that finished after Ctrl-C still did not do all it was asked to.
    const interrupted = runtime.signal.aborted && !ctrlCIsNormalEnd;
    runtime.exitCode = interrupted ? EXIT.interrupted : code;
  } catch (error) {
    if (runtime.signal.aborted) {
      ctx.reporter.info('interrupted');
      runtime.exitCode = EXIT.interrupted;
    } else {
      ctx.reporter.error(error);
      runtime.exitCode = EXIT.error;
    }
  } finally {
    // The loader's worker, if one was started: the process (or the test running main()) is done.
    await ctx.loader.close();
  }
}
