import type { CommandParts } from '../command-parts.js';
import type { AppContext } from '../../app/context.js';
import type { GlobalOptions } from '../global-options.js';
import { EXIT, runInContext, type CliRuntime } from '../runtime.js';
import { UsageError } from '../usage-error.js';
import { targetOptions, type TargetArgs } from './plan-options.js';

interface SyncArgs extends GlobalOptions, TargetArgs {
  'dry-run'?: boolean;
  prune?: boolean;
  yes?: boolean;
  force?: boolean;
  publish?: boolean;
  refresh?: boolean;
  only?: string[];
  watch?: boolean;
  'allow-shared'?: boolean;
  plan?: string;
}

/** What would change the plan `sync --plan FILE` applies: refused with it (a usage error). */
const CHANGES_A_SAVED_PLAN = [
  'prune',
  'only',
  'force',
  'publish',
  'refresh',
  'dry-run',
  'watch',
] as const;

export function syncCommand(runtime: CliRuntime): CommandParts<GlobalOptions, SyncArgs> {
  return {
    builder: (y) =>
      y
        .option('env', targetOptions.env)
        .option('dry-run', {
          type: 'boolean',
          describe: 'Plan against the remote and show it; write nothing',
        })
        .option('prune', {
          type: 'boolean',
          describe:
            'Also delete remote flows whose key was removed from code (asks, or needs --yes)',
        })
        .option('yes', {
          type: 'boolean',
          alias: 'y',
          describe:
            'Answer yes to every question: the review of the plan on a terminal, and deletions ' +
            '(which need it without a terminal)',
        })
        .option('force', {
          type: 'boolean',
          describe: 'Overwrite flows edited outside runtype-flows (drift)',
        })
        .option('publish', {
          type: 'boolean',
          describe:
            'Make the code live: publish each flow whose live version is behind it (default: ' +
            'the environment, on unless `publish: false`); --no-publish keeps drafts',
        })
        .option('refresh', {
          type: 'boolean',
          describe:
            'Check every tracked flow (and its live version) for drift, not only the changed ones',
        })
        .option('only', { type: 'string', array: true, describe: 'Only these flow keys' })
        .option('watch', {
          type: 'boolean',
          alias: 'w',
          describe: 'Keep syncing each save until Ctrl-C (never deletes; --json: one event a line)',
        })
        .option('allow-shared', {
          type: 'boolean',
          describe:
            'With --watch: allow an environment whose lock section is the committed lockfile ' +
            '(refused otherwise, exit 2)',
        })
        .option('plan', {
          type: 'string',
          describe:
            'Apply exactly the plan saved by `plan --out FILE`; refused (exit 2, nothing ' +
            'written) if the code, remote, lock state or environment changed since',
        })
        .check((argv) => {
          if (argv.plan === undefined) return true;
          const given = CHANGES_A_SAVED_PLAN.filter((flag) => argv[flag] !== undefined);
          if (given.length === 0) return true;
          const flags = given.map(
            (f) => `--${f === 'publish' && argv[f] === false ? 'no-' : ''}${f}`,
          );
          throw new UsageError(
            `--plan applies the saved plan as it was reviewed; ${flags.join(', ')} would change ` +
              'it. Make a new plan with those flags (`plan --out FILE`) instead.',
          );
        })
        .implies('allow-shared', 'watch')
        // Watch never deletes and never writes nothing: these would silently mean something else.
        .conflicts('watch', ['dry-run', 'prune', 'yes'])
        .example('$0 sync', 'deploy to the default environment')
        .example(
          '$0 sync --env production --prune --yes --json',
          'CI deploy: also delete removed flows, JSON result',
        )
        .example('$0 sync --dry-run', 'what would happen, without writing')
        .example(
          '$0 sync --env production --plan plan.json --yes',
          'CI deploy of the plan a pull request reviewed (plan --out plan.json)',
        )
        .example('$0 sync --no-publish', 'deploy as drafts, to review in the dashboard first')
        .example('$0 sync --watch', 'while developing: sync every save until Ctrl-C'),
    handler: (argv) =>
      runInContext(runtime, argv, async (ctx) => {
        if (argv.watch) return { code: await watch(ctx, argv), ctrlCIsNormalEnd: true };
        const { runSync } = await import('../../app/sync/sync.js');
        const result = await runSync(ctx, {
          envName: argv.env,
          dryRun: argv['dry-run'],
          prune: argv.prune,
          yes: argv.yes,
          force: argv.force,
          publish: argv.publish,
          refresh: argv.refresh,
          only: argv.only,
          ...(argv.plan === undefined ? {} : { planFile: argv.plan }),
          argv: runtime.io.argv.slice(2),
        });
        ctx.reporter.result(result);
        if (!result.ok) return EXIT.error;
        return result.blocked ? EXIT.actionNeeded : EXIT.ok;
      }),
  };
}

// --- internal ---

/** chokidar is imported only here, so `sync` without --watch and `--help` never load it. */
async function watch(ctx: AppContext, argv: SyncArgs): Promise<number> {
  const [{ runWatch }, { watchProject }] = await Promise.all([
    import('../../app/watch/run-watch.js'),
    import('../../file-watch/watch-project.js'),
  ]);
  const summary = await runWatch(
    ctx,
    {
      envName: argv.env,
      force: argv.force,
      publish: argv.publish,
      only: argv.only,
      refresh: argv.refresh,
      allowShared: argv['allow-shared'],
    },
    { watchProject },
  );
  if (summary.reason === 'refused') return EXIT.actionNeeded;
  return summary.reason === 'error' ? EXIT.error : EXIT.ok;
}
