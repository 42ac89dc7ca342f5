import type { CommandModule } from 'yargs';
import type { AppContext } from '../../app/context.js';
import type { GlobalOptions } from '../global-options.js';
import { EXIT, runInContext, type CliRuntime } from '../runtime.js';
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
}

export function syncCommand(runtime: CliRuntime): CommandModule<GlobalOptions, SyncArgs> {
  return {
    command: 'sync',
    describe:
      'Create, update (and with --prune delete) remote flows so the account matches the code, ' +
      'and publish them so the code is what runs (--no-publish: drafts)',
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
          describe: 'Confirm deletions without a prompt (only deletions)',
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
        .implies('allow-shared', 'watch')
        // Watch never deletes and never writes nothing: these would silently mean something else.
        .conflicts('watch', ['dry-run', 'prune', 'yes'])
        .example('$0 sync', 'deploy to the default environment')
        .example(
          '$0 sync --env production --prune --yes --json',
          'CI deploy: also delete removed flows, JSON result',
        )
        .example('$0 sync --dry-run', 'what would happen, without writing')
        .example('$0 sync --no-publish', 'deploy as drafts, to review in the dashboard first')
        .example('$0 sync --watch', 'while developing: sync every save until Ctrl-C'),
    handler: (argv) =>
      runInContext(runtime, argv, async (ctx) => {
        if (argv.watch) return { code: await watch(ctx, argv), ctrlCIsNormalEnd: true };
        const { runSync } = await import('../../app/sync.js');
        const result = await runSync(ctx, {
          env: argv.env,
          dryRun: argv['dry-run'],
          prune: argv.prune,
          yes: argv.yes,
          force: argv.force,
          publish: argv.publish,
          refresh: argv.refresh,
          only: argv.only,
          argv: runtime.io.argv.slice(2),
        });
        ctx.reporter.result(result);
        if (ctx.signal?.aborted) return EXIT.interrupted;
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
    import('../../watch/watch-project.js'),
  ]);
  const summary = await runWatch(
    ctx,
    {
      env: argv.env,
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
