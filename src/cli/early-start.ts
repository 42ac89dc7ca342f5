import { COMMANDS, COMMANDS_WITHOUT_PROJECT } from './command-names.js';

/**
 * Which command lines will load the project (the config, the flow modules), so the process
 * entry can start the loader worker before the parser loads. A guess on the raw arguments
 * (yargs has not run): a wrong "yes" costs an idle worker that does not keep the process alive,
 * a wrong "no" only the overlap.
 */
const LOADING_COMMANDS = new Set<string>(
  COMMANDS.filter((name) => !COMMANDS_WITHOUT_PROJECT.includes(name)),
);

const HELP_FLAGS = new Set(['--help', '-h', 'help', '--version']);

export function loadsProject(args: readonly string[]): boolean {
  const command = args.find((arg) => !arg.startsWith('-'));
  return (
    command !== undefined && LOADING_COMMANDS.has(command) && !args.some((a) => HELP_FLAGS.has(a))
  );
}

/**
 * Whether the command will load the whole project as its first act, so the CLI can ask the
 * loader to start that load before the command's modules are even imported: the loading
 * commands but `envs` and `doctor` (the config alone), `pull` (its own requests) and watch
 * mode (it loads with a module cache of its own).
 */
export function prefetchesProject(args: readonly string[]): boolean {
  const command = args.find((arg) => !arg.startsWith('-'));
  return (
    loadsProject(args) &&
    command !== undefined &&
    !['envs', 'doctor', 'pull'].includes(command) &&
    !args.includes('--watch') &&
    !args.includes('-w')
  );
}
