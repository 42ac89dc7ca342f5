import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import type { ProcessIo } from './build-context.js';
import { globalOptions, type GlobalOptions } from './global-options.js';
import { EXIT, type CliRuntime } from './runtime.js';
import { validateCommand } from './commands/validate.js';
import { initCommand } from './commands/init.js';
import { planCommand } from './commands/plan.js';
import { syncCommand } from './commands/sync.js';
import { statusCommand } from './commands/status.js';
import { pullCommand } from './commands/pull.js';
import { emulatorCommandFor } from './commands/emulator.js';
import { envsCommand } from './commands/envs.js';
import { doctorCommand } from './commands/doctor.js';
import { versionsCommand } from './commands/versions.js';
import { rollbackCommand } from './commands/rollback.js';

import { VERSION } from '../app/version.js';
import { commandNamed, COMMANDS, reportUsageError, UsageError } from './usage-error.js';

export { VERSION };

/** Runs the CLI against the given process world; resolves to the exit code. */
export async function main(io: ProcessIo, signal: AbortSignal): Promise<number> {
  const runtime: CliRuntime = { io, signal, exitCode: EXIT.ok, version: VERSION };
  const parser = yargs(hideBin(io.argv))
    .scriptName('runtype-flows')
    // Flags are read by their kebab-case names; camel-case copies would only double "Unknown
    // argument" lines.
    .parserConfiguration({ 'camel-case-expansion': false })
    .usage(
      '$0 <command> [options]\n\nFlows-as-code for Runtype: define flows in flows/*.ts, ' +
        'preview with `plan`, deploy with `sync`.',
    )
    .options(globalOptions)
    .command(validateCommand(runtime))
    .command(planCommand(runtime))
    .command(syncCommand(runtime))
    .command(statusCommand(runtime))
    .command(pullCommand(runtime))
    .command(versionsCommand(runtime))
    .command(rollbackCommand(runtime))
    .command(initCommand(runtime))
    .command(emulatorCommandFor(runtime) as never)
    .command(envsCommand(runtime))
    .command(doctorCommand(runtime))
    // `completion` prints a bash script (a zsh one when $SHELL is zsh); the script asks the
    // CLI itself for candidates (--get-yargs-completions), so new commands complete too.
    .completion('completion', 'Print a shell completion script (bash, or zsh when $SHELL is zsh)')
    .demandCommand(1, 'Name a command (runtype-flows --help lists them).')
    .strict()
    .recommendCommands()
    .epilogue(
      'Environment: RUNTYPE_API_KEY, RUNTYPE_API_URL (override the selected environment), ' +
        'RUNTYPE_ENV (like --env), NO_COLOR, HTTPS_PROXY/NO_PROXY.\n' +
        'Exit codes: 0 ok/in sync, 1 error, 2 action needed (changes pending with --exit-code, ' +
        'drift without --force, deletions or rollback without --yes, a declined question, a ' +
        'stale saved plan), 130 interrupted.\n' +
        'Network: each request has a 30 s deadline (requestTimeoutMs in the config); ' +
        'a Retry-After is waited for up to 30 s (maxRetryAfterMs), longer fails the flow.\n' +
        'Loading: the config and flow modules must load within 10 s ' +
        '(RUNTYPE_LOAD_TIMEOUT_MS, else loadTimeoutMs in the config).',
    )
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, (io.stdout as { columns?: number }).columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      if (error) throw error;
      // Throwing is what stops yargs: a fail handler that returns lets the command run anyway,
      // so `sync --dry-rnu` would deploy for real.
      throw new UsageError(message);
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    reportUsageError(io, { message: error.message, ...commandNamed(io.argv, COMMANDS) });
    return EXIT.error;
  }
  return runtime.exitCode;
}

export type { GlobalOptions };
