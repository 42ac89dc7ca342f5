import type { CommandModule } from 'yargs';
import type { GlobalOptions } from '../global-options.js';
import { EXIT, runInContext, type CliRuntime } from '../runtime.js';
import { targetOptions, type TargetArgs } from './plan-options.js';

export function statusCommand(runtime: CliRuntime): CommandModule<GlobalOptions, GlobalOptions & TargetArgs & { all?: boolean }> {
  return {
    command: 'status',
    describe: "List every flow with its remote id and state: in-sync, changed, new, drift, missing, removed",
    builder: (y) =>
      y
        .options(targetOptions)
        .option('all', { type: 'boolean', describe: 'Also list remote flows no code manages (built in the dashboard), with their last run' })
        .example('$0 status --env production', 'compare code, lockfile and the account'),
    handler: (argv) =>
      runInContext(runtime, argv, async (ctx) => {
        const { runStatus } = await import('../../app/status.js');
        const result = await runStatus(ctx, { env: argv.env, offline: argv.offline, all: argv.all });
        ctx.reporter.result(result);
        return result.ok ? EXIT.ok : EXIT.error;
      }),
  };
}
