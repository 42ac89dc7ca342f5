import type { CommandParts } from '../command-parts.js';
import type { GlobalOptions } from '../global-options.js';
import { EXIT, runInContext, type CliRuntime } from '../runtime.js';

type DoctorArgs = GlobalOptions & { env?: string };

export function doctorCommand(runtime: CliRuntime): CommandParts<GlobalOptions, DoctorArgs> {
  return {
    builder: (y) =>
      y
        .option('env', {
          type: 'string',
          describe: 'Environment to check (default: RUNTYPE_ENV, else the config default)',
        })
        .example(
          '$0 doctor --env production',
          'before the first deploy; exit 1 when a check fails',
        ),
    handler: (argv) =>
      runInContext(runtime, argv, async (ctx) => {
        const { runDoctor } = await import('../../app/doctor/doctor.js');
        const result = await runDoctor(ctx, argv.env === undefined ? {} : { envName: argv.env });
        ctx.reporter.result(result);
        return result.ok ? EXIT.ok : EXIT.error;
      }),
  };
}
