import type { CommandModule } from 'yargs';
import type { GlobalOptions } from '../global-options.js';
import { EXIT, runInContext, type CliRuntime } from '../runtime.js';

export function validateCommand(runtime: CliRuntime): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'validate',
    describe: 'Load every flow and check it offline: schema, step types, template variables, secrets, duplicates',
    builder: (y) =>
      y.example('$0 validate', 'check flows/**/*.ts; exit 1 on any error').example('$0 validate --json', 'the same as one JSON document'),
    handler: (argv) =>
      runInContext(runtime, argv, async (ctx) => {
        const { runValidate } = await import('../../app/validate.js');
        const result = await runValidate(ctx);
        ctx.reporter.result(result);
        return result.ok ? EXIT.ok : EXIT.error;
      }),
  };
}
