import path from 'node:path';
import type { CommandParts } from '../command-parts.js';
import { UsageError } from '../usage-error.js';
import type { GlobalOptions } from '../global-options.js';
import { EXIT, runInContext, type CliRuntime } from '../runtime.js';
import { targetOptions, type TargetArgs } from './plan-options.js';

interface PlanArgs extends GlobalOptions, TargetArgs {
  refresh?: boolean;
  'exit-code'?: boolean;
  only?: string[];
  markdown?: string;
  out?: string;
  prune?: boolean;
  publish?: boolean;
}

export function planCommand(runtime: CliRuntime): CommandParts<GlobalOptions, PlanArgs> {
  return {
    builder: (y) =>
      y
        .options(targetOptions)
        .option('refresh', {
          type: 'boolean',
          describe:
            'Also fetch every tracked flow and its live version to detect drift (edits, ' +
            'publishes and rollbacks made outside runtype-flows)',
        })
        .option('publish', {
          type: 'boolean',
          describe:
            'Plan as sync --publish / --no-publish would (default: the environment, which ' +
            'publishes unless `publish: false`)',
        })
        .option('exit-code', {
          type: 'boolean',
          describe: 'Exit 2 when changes are pending (a pull-request gate)',
        })
        .option('only', { type: 'string', array: true, describe: 'Only these flow keys' })
        .option('markdown', {
          type: 'string',
          describe:
            'Also write the plan as Markdown to FILE (relative to --cwd), for a pull-request ' +
            'comment',
        })
        .option('out', {
          type: 'string',
          describe:
            'Also save the plan to FILE (JSON), with the code, remote and lock state it was ' +
            'made from, for `sync --plan FILE` (relative to --cwd)',
        })
        .option('prune', {
          type: 'boolean',
          describe: 'With --out: the saved plan also deletes flows removed from code',
        })
        .check((argv) => {
          if (argv.prune !== true || argv.out !== undefined) return true;
          // plan always shows the flows removed from code; --prune only says what a saved plan
          // may do, so without --out it would mean nothing.
          throw new UsageError(
            'plan --prune needs --out FILE: plan always shows the flows removed from code; ' +
              '--prune makes a saved plan delete them when `sync --plan FILE` applies it.',
          );
        })
        // A saved plan records the remote it was made against: it needs the API.
        .conflicts('out', 'offline')
        .example('$0 plan', 'preview against the default environment')
        .example(
          '$0 plan --env production --refresh --exit-code',
          'CI gate: exit 2 if anything would change or drifted',
        )
        .example(
          '$0 plan --env production --out plan.json',
          'pull request: save the plan for review; the deploy runs sync --plan plan.json',
        )
        .example(
          '$0 plan --markdown plan.md',
          'the plan with ```diff blocks, to post on the pull request',
        ),
    handler: (argv) =>
      runInContext(runtime, argv, async (ctx) => {
        const { runPlan } = await import('../../app/plan/plan.js');
        const result = await runPlan(ctx, {
          envName: argv.env,
          refresh: argv.refresh,
          offline: argv.offline,
          only: argv.only,
          ...(argv.out === undefined ? {} : { out: argv.out }),
          prune: argv.prune,
          publish: argv.publish,
        });
        ctx.reporter.result(result);
        if (argv.markdown !== undefined) {
          const { writePlanMarkdown } = await import('../../report/plan-markdown.js');
          await writePlanMarkdown(path.resolve(ctx.cwd, argv.markdown), result);
        }
        if (!result.ok) return EXIT.error;
        return argv['exit-code'] && result.pendingChanges ? EXIT.actionNeeded : EXIT.ok;
      }),
  };
}
