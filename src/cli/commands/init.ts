import type { CommandModule } from 'yargs';
import type { GlobalOptions } from '../global-options.js';
import { EXIT, runInContext, type CliRuntime } from '../runtime.js';

export function initCommand(runtime: CliRuntime): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'init',
    describe:
      'Scaffold runtype.config.ts, an example flow and .gitignore entries in this npm ' +
      'project (never overwrites)',
    handler: (argv) =>
      runInContext(runtime, argv, async (ctx) => {
        const { runInit } = await import('../../app/init/init.js');
        ctx.reporter.result(await runInit(ctx));
        return EXIT.ok;
      }),
  };
}
