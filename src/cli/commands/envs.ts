import type { CommandParts } from '../command-parts.js';
import type { GlobalOptions } from '../global-options.js';
import { EXIT, runInContext, type CliRuntime } from '../runtime.js';

export function envsCommand(runtime: CliRuntime): CommandParts<GlobalOptions, GlobalOptions> {
  return {
    builder: (y) => y.example('$0 envs --json', 'the same as one JSON document'),
    handler: (argv) =>
      runInContext(runtime, argv, async (ctx) => {
        const { runEnvs } = await import('../../app/envs/envs.js');
        const result = await runEnvs(ctx);
        ctx.reporter.result(result);
        return result.ok ? EXIT.ok : EXIT.error;
      }),
  };
}
