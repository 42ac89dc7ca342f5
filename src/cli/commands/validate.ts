import type { CommandParts } from '../command-parts.js';
import type { GlobalOptions } from '../global-options.js';
import { EXIT, runInContext, type CliRuntime } from '../runtime.js';

interface ValidateArgs extends GlobalOptions {
  remote?: boolean;
  env?: string;
  'allow-empty'?: boolean;
}

export function validateCommand(runtime: CliRuntime): CommandParts<GlobalOptions, ValidateArgs> {
  return {
    builder: (y) =>
      y
        .option('remote', {
          type: 'boolean',
          describe:
            "Also send each valid flow to the Runtype API's validator " +
            '(POST /v1/public/flows/validate); writes nothing. ' +
            'With the environment key when set (adds account checks), else unauthenticated',
        })
        .option('allow-empty', {
          type: 'boolean',
          describe:
            'Exit 0 when no flow is found (otherwise an error: a wrong glob or --cwd, usually)',
        })
        .option('env', {
          type: 'string',
          describe:
            'Environment whose API --remote asks (default: RUNTYPE_ENV, else the config default)',
        })
        .example('$0 validate', 'check flows/**/*.ts offline; exit 1 on any error')
        .example(
          '$0 validate --remote --env production',
          "also run the server's checks, with production's key",
        )
        .example('$0 validate --json', 'the same as one JSON document'),
    handler: (argv) =>
      runInContext(runtime, argv, async (ctx) => {
        const { runValidate } = await import('../../app/validate/validate.js');
        const { requireFlows } = await import('../../app/validate/require-flows.js');
        const options = {
          remote: argv.remote === true,
          ...(argv.env ? { envName: argv.env } : {}),
        };
        const result = requireFlows(await runValidate(ctx, options), argv['allow-empty'] === true);
        ctx.reporter.result(result);
        return result.ok ? EXIT.ok : EXIT.error;
      }),
  };
}
