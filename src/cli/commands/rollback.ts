import type { CommandParts } from '../command-parts.js';
import type { GlobalOptions } from '../global-options.js';
import { EXIT, runInContext, type CliRuntime } from '../runtime.js';
import { targetOptions } from './plan-options.js';

interface RollbackArgs extends GlobalOptions {
  key?: string;
  to?: string;
  env?: string;
  yes?: boolean;
}

export function rollbackCommand(runtime: CliRuntime): CommandParts<GlobalOptions, RollbackArgs> {
  return {
    builder: (y) =>
      y
        .positional('key', { type: 'string', describe: "The flow's key", demandOption: true })
        .option('to', {
          type: 'string',
          demandOption: true,
          describe:
            'The version: a number (3 or v3), an id, or "previous" (the one live before the ' +
            'current one)',
        })
        .option('env', targetOptions.env)
        .option('yes', {
          type: 'boolean',
          alias: 'y',
          describe: 'Confirm without a prompt (required without a terminal)',
        })
        .example('$0 rollback hello-world --to previous', 'undo the last publish (asks first)')
        .example(
          '$0 rollback hello-world --to 3 --env production --yes',
          'from a script: make version 3 live',
        ),
    handler: (argv) =>
      runInContext(runtime, argv, async (ctx) => {
        const { runRollback } = await import('../../app/versions/rollback.js');
        const result = await runRollback(ctx, {
          envName: argv.env,
          key: argv.key ?? '',
          to: argv.to ?? '',
          yes: argv.yes,
          argv: runtime.io.argv.slice(2),
        });
        ctx.reporter.result(result);
        if (!result.ok) return EXIT.error;
        return result.blocked ? EXIT.actionNeeded : EXIT.ok;
      }),
  };
}
