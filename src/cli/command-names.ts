/**
 * Every command's name, for reading argv before (or beside) the parser: which command a usage
 * error belongs to, and whether the process entry starts the loader early. Kept apart from the
 * parser so the entry can read it without importing yargs.
 */
export const COMMANDS = [
  'validate',
  'plan',
  'sync',
  'status',
  'pull',
  'versions',
  'rollback',
  'init',
  'emulator',
  'envs',
  'doctor',
  'completion',
] as const;

/** The commands that read neither the config nor the flows. */
export const COMMANDS_WITHOUT_PROJECT: readonly string[] = ['init', 'emulator', 'completion'];
