import yargs, { type CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import type { ProcessIo } from './build-context.js';
import { globalOptions, type GlobalOptions } from './global-options.js';
import { EXIT, type CliRuntime } from './runtime.js';
import { InternalError } from '../errors.js';
import { VERSION } from '../app/version.js';
import { commandIn, COMMANDS, prefetchesProject, type CommandEntry } from './command-table.js';
import { reportUsageError, UsageError } from './usage-error.js';

export { VERSION };

/** Runs the CLI against the given process world; resolves to the exit code. */
export async function main(io: ProcessIo, signal: AbortSignal): Promise<number> {
  const args = hideBin(io.argv);
  const invoked = commandIn(args);
  const prefetchProject = prefetchesProject(args);
  const runtime: CliRuntime = { io, signal, exitCode: EXIT.ok, version: VERSION, prefetchProject };
  const parser = yargs(args)
    .scriptName('runtype-flows')
    // Flags are read by their kebab-case names; camel-case copies would only double "Unknown
    // argument" lines.
    .parserConfiguration({ 'camel-case-expansion': false })
    .usage(
      '$0 <command> [options]\n\nFlows-as-code for Runtype: define flows in flows/*.ts, ' +
        'preview with `plan`, deploy with `sync`.',
    )
    .options(globalOptions);
  // One table (command-table.ts): the command that runs gets its module; the others are listed.
  for (const entry of COMMANDS) {
    if (entry.module === undefined) parser.completion(entry.name, entry.describe);
    else parser.command(await commandModule(entry, entry === invoked, runtime));
  }
  parser
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
    const command = invoked === undefined ? {} : { command: invoked.name };
    reportUsageError(io, { message: error.message, ...command });
    return EXIT.error;
  }
  return runtime.exitCode;
}

// --- internal ---

/**
 * The yargs module of a table entry: the command's own (flags, handler) when it is the one that
 * runs, else its name and description only, for --help.
 */
async function commandModule(
  entry: CommandEntry,
  runs: boolean,
  runtime: CliRuntime,
): Promise<CommandModule<GlobalOptions, object>> {
  const named = { command: entry.usage, describe: entry.describe };
  if (runs && entry.module) return { ...(await entry.module())(runtime), ...named };
  return {
    ...named,
    handler: () => {
      throw new InternalError(`the module of command "${entry.name}" was not loaded`);
    },
  };
}

export type { GlobalOptions };
