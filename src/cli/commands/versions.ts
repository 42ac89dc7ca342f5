import type { CommandParts } from '../command-parts.js';
import type { GlobalOptions } from '../global-options.js';
import { EXIT, runInContext, type CliRuntime } from '../runtime.js';
import { targetOptions } from './plan-options.js';

interface VersionsArgs extends GlobalOptions {
  key?: string;
  env?: string;
}

export function versionsCommand(runtime: CliRuntime): CommandParts<GlobalOptions, VersionsArgs> {
  return {
    builder: (y) =>
      y
        .positional('key', { type: 'string', describe: "The flow's key", demandOption: true })
        .option('env', targetOptions.env)
        .example('$0 versions hello-world', 'what is live, and what rollback can go back to')
        .example('$0 versions hello-world --env production --json', 'the same as JSON'),
    handler: (argv) =>
      runInContext(runtime, argv, async (ctx) => {
        const { runVersions } = await import('../../app/versions/versions.js');
        const result = await runVersions(ctx, { envName: argv.env, key: argv.key ?? '' });
        ctx.reporter.result(result);
        return result.ok ? EXIT.ok : EXIT.error;
      }),
  };
}
