import type { CommandModule } from 'yargs';
import type { GlobalOptions } from '../global-options.js';
import { EXIT, runInContext, type CliRuntime } from '../runtime.js';

export function envsCommand(runtime: CliRuntime): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'envs',
    describe:
      'List the environments: where each points, whether its key variable is set (never the key)',
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
