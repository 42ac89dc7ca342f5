import type { CommandParts } from '../command-parts.js';
import type { GlobalOptions } from '../global-options.js';
import { EXIT, runInContext, type CliRuntime } from '../runtime.js';
import { targetOptions } from './plan-options.js';

interface PullArgs extends GlobalOptions {
  flows?: string[];
  env?: string;
  all?: boolean;
  out?: string;
  'dry-run'?: boolean;
  force?: boolean;
  'allow-dirty'?: boolean;
}

export function pullCommand(runtime: CliRuntime): CommandParts<GlobalOptions, PullArgs> {
  return {
    builder: (y) =>
      y
        .positional('flows', {
          type: 'string',
          array: true,
          describe: 'Tracked flow keys, remote flow ids or exact remote flow names',
        })
        .option('env', targetOptions.env)
        .option('all', {
          type: 'boolean',
          describe:
            'Every remote flow the lock state does not track (not those a flow in code ' +
            'adopts by name)',
        })
        .option('out', {
          type: 'string',
          describe:
            "Folder for new modules (default: the first flow glob's folder; " +
            'must be covered by the globs)',
        })
        .option('dry-run', {
          type: 'boolean',
          describe: 'Show the files it would write; write nothing',
        })
        .option('force', {
          type: 'boolean',
          describe: 'Overwrite modules holding unsynced work, and values computed in the source',
        })
        .option('allow-dirty', {
          type: 'boolean',
          describe: 'Edit modules that have uncommitted git changes',
        })
        .example('$0 pull --all', 'bring every flow built in the dashboard into code')
        .example(
          '$0 pull support-triage',
          'take the remote version of a tracked flow (the answer to drift besides sync --force)',
        )
        .example(
          '$0 pull "Customer Outreach Flow" --out flows/imported',
          'one flow, by name, into a folder of its own',
        ),
    handler: (argv) =>
      runInContext(runtime, argv, async (ctx) => {
        const { runPull } = await import('../../app/pull/pull.js');
        const result = await runPull(ctx, {
          envName: argv.env,
          names: argv.flows ?? [],
          all: argv.all,
          out: argv.out,
          dryRun: argv['dry-run'],
          force: argv.force,
          allowDirty: argv['allow-dirty'],
          argv: runtime.io.argv.slice(2),
        });
        ctx.reporter.result(result);
        if (result.blocked) return EXIT.actionNeeded;
        return result.ok ? EXIT.ok : EXIT.error;
      }),
  };
}
