import type { CommandParts } from '../command-parts.js';
import type { GlobalOptions } from '../global-options.js';
import { EXIT, runInContext, type CliRuntime } from '../runtime.js';

export function initCommand(runtime: CliRuntime): CommandParts<GlobalOptions, GlobalOptions> {
  return {
    handler: (argv) =>
      runInContext(runtime, argv, async (ctx) => {
        const { runInit } = await import('../../app/init/init.js');
        ctx.reporter.result(await runInit(ctx));
        return EXIT.ok;
      }),
  };
}
