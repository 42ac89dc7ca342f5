import type { CommandParts } from '../command-parts.js';
import { SETTLED_STATES } from '../../app/results.js';
import type { GlobalOptions } from '../global-options.js';
import { EXIT, runInContext, type CliRuntime } from '../runtime.js';
import { targetOptions, type TargetArgs } from './plan-options.js';

type StatusArgs = GlobalOptions &
  TargetArgs & { 'exit-code'?: boolean; all?: boolean; refresh?: boolean };

export function statusCommand(runtime: CliRuntime): CommandParts<GlobalOptions, StatusArgs> {
  return {
    builder: (y) =>
      y
        .options(targetOptions)
        .option('all', {
          type: 'boolean',
          describe:
            'Also list remote flows no code manages (built in the dashboard), with their last run',
        })
        .option('refresh', {
          type: 'boolean',
          describe:
            'Read every tracked flow in full (not only those the listing shows edited since this ' +
            'tool wrote them) and its live version, to see a version published or rolled back ' +
            'outside the tool (live-drift)',
        })
        .option('exit-code', { type: 'boolean', describe: 'Exit 2 when any flow is not in sync' })
        .example('$0 status --env production', 'compare code, lockfile and the account')
        .example('$0 status --exit-code', 'a script: exit 2 when anything is not in sync')
        .example(
          '$0 status --refresh',
          'also read each live version (a rollback in the dashboard)',
        ),
    handler: (argv) =>
      runInContext(runtime, argv, async (ctx) => {
        const { runStatus } = await import('../../app/status/status.js');
        const result = await runStatus(ctx, {
          envName: argv.env,
          offline: argv.offline,
          all: argv.all,
          refresh: argv.refresh,
        });
        ctx.reporter.result(result);
        if (!result.ok) return EXIT.error;
        const outOfSync = result.flows.some((f) => !SETTLED_STATES.includes(f.state));
        return argv['exit-code'] === true && outOfSync ? EXIT.actionNeeded : EXIT.ok;
      }),
  };
}
