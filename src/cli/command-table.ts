import type { CommandParts } from './command-parts.js';
import type { GlobalOptions } from './global-options.js';
import type { CliRuntime } from './runtime.js';

/** A command module's factory: its flags and handler for this run. */
export type CommandFactory = (runtime: CliRuntime) => CommandParts<GlobalOptions, object>;

/**
 * One command: what the process entry, the parser and the boundary need to know of it. The
 * table is read before the parser loads (bin.ts starts the loader worker from it), so this file
 * imports no yargs and no command: each command's module is loaded only when it runs.
 */
export interface CommandEntry {
  /** The word on the command line. */
  name: string;
  /** The usage line --help shows (the name and its positionals). */
  usage: string;
  describe: string;
  /** It reads the config or the flows: the entry starts the loader worker before the parser. */
  loadsProject: boolean;
  /**
   * Its first act is loading the whole project: the CLI starts that load before the command's
   * modules are imported. `unless`: flags that make it load otherwise (watch mode keeps a module
   * cache of its own).
   */
  prefetch: boolean | { unless: readonly string[] };
  /** Its yargs module, imported when it runs; none for yargs' own `completion`. */
  module?: () => Promise<CommandFactory>;
}

/** Every command, in the order --help lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'validate',
    usage: 'validate',
    describe:
      'Load every flow and check it offline: schema, step types, template variables, ' +
      'secrets, duplicates',
    loadsProject: true,
    prefetch: true,
    module: lazy(() => import('./commands/validate.js'), 'validateCommand'),
  },
  {
    name: 'plan',
    usage: 'plan',
    describe:
      'Show what sync would change, per flow and per step, with prompt text diffs (read-only)',
    loadsProject: true,
    prefetch: true,
    module: lazy(() => import('./commands/plan.js'), 'planCommand'),
  },
  {
    name: 'sync',
    usage: 'sync',
    describe:
      'Create, update (and with --prune delete) remote flows so the account matches the code, ' +
      'and publish them so the code is what runs (--no-publish: drafts)',
    loadsProject: true,
    prefetch: { unless: ['--watch', '-w'] },
    module: lazy(() => import('./commands/sync.js'), 'syncCommand'),
  },
  {
    name: 'status',
    usage: 'status',
    describe:
      'List every flow with its remote id and state: in-sync, changed, new, live-behind ' +
      '(not yet published), draft, pinned (rollback), drift, live-drift, missing, removed',
    loadsProject: true,
    prefetch: true,
    module: lazy(() => import('./commands/status.js'), 'statusCommand'),
  },
  {
    name: 'pull',
    usage: 'pull [flows..]',
    describe:
      'Write remote flows as code (flows built in the dashboard, or remote edits of tracked ' +
      'ones); changes nothing remote',
    loadsProject: true,
    // Its own requests come first (it loads the project to write into it).
    prefetch: false,
    module: lazy(() => import('./commands/pull.js'), 'pullCommand'),
  },
  {
    name: 'versions',
    usage: 'versions <key>',
    describe:
      "List a flow's versions: number, type, created, label, which is live and which holds " +
      'the code (read-only)',
    loadsProject: true,
    prefetch: true,
    module: lazy(() => import('./commands/versions.js'), 'versionsCommand'),
  },
  {
    name: 'rollback',
    usage: 'rollback <key>',
    describe:
      'Make an earlier version of a flow live and pin it there: sync leaves it until the ' +
      "flow's code changes",
    loadsProject: true,
    prefetch: true,
    module: lazy(() => import('./commands/rollback.js'), 'rollbackCommand'),
  },
  {
    name: 'init',
    usage: 'init',
    describe:
      'Scaffold runtype.config.ts, an example flow and .gitignore entries in this npm ' +
      'project (never overwrites)',
    loadsProject: false,
    prefetch: false,
    module: lazy(() => import('./commands/init.js'), 'initCommand'),
  },
  {
    name: 'emulator',
    usage: 'emulator',
    describe: 'Run the local Runtype API emulator in the foreground (Ctrl-C to stop)',
    loadsProject: false,
    prefetch: false,
    module: lazy(() => import('./commands/emulator.js'), 'emulatorCommand'),
  },
  {
    name: 'envs',
    usage: 'envs',
    describe:
      'List the environments: where each points, whether its key variable is set (never the key)',
    loadsProject: true,
    // The config alone.
    prefetch: false,
    module: lazy(() => import('./commands/envs.js'), 'envsCommand'),
  },
  {
    name: 'doctor',
    usage: 'doctor',
    describe:
      'Check that this project can deploy: config, key, API reachable and authorised, lock ' +
      'state; writes nothing',
    loadsProject: true,
    prefetch: false,
    module: lazy(() => import('./commands/doctor.js'), 'doctorCommand'),
  },
  {
    // Prints a bash script (a zsh one when $SHELL is zsh); the script asks the CLI itself for
    // candidates (--get-yargs-completions), so new commands complete too.
    name: 'completion',
    usage: 'completion',
    describe: 'Print a shell completion script (bash, or zsh when $SHELL is zsh)',
    loadsProject: false,
    prefetch: false,
  },
];

/**
 * The command a command line names: its first word that is a command's name, the values of the
 * global flags that take one aside (`--cwd plan sync` runs sync). Read on the raw arguments,
 * before the parser; a completion request (`--get-yargs-completions runtype-flows sync --`)
 * names its command the same way.
 */
export function commandIn(args: readonly string[]): CommandEntry | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (VALUE_FLAGS.has(arg)) i += 1;
    else {
      const entry = COMMANDS.find((c) => c.name === arg);
      if (entry) return entry;
    }
  }
  return undefined;
}

/**
 * Whether the command line will load the project (the config, the flow modules), so the process
 * entry can start the loader worker before the parser loads. A guess on the raw arguments: a
 * wrong "yes" costs an idle worker that does not keep the process alive, a wrong "no" only the
 * overlap. Help loads nothing.
 */
export function loadsProject(args: readonly string[]): boolean {
  if (args.some((a) => HELP_FLAGS.has(a))) return false;
  return commandIn(args)?.loadsProject === true;
}

/** Whether the command's first act is loading the whole project (see CommandEntry.prefetch). */
export function prefetchesProject(args: readonly string[]): boolean {
  const prefetch = commandIn(args)?.prefetch ?? false;
  if (!loadsProject(args) || prefetch === false) return false;
  return prefetch === true || !args.some((a) => prefetch.unless.includes(a));
}

// --- internal ---

/**
 * A command module loaded on first use. yargs' types hold each command's own flags (its `argv`
 * type), so the table, which holds them all, sees each through the common CommandFactory.
 */
function lazy<Module, Name extends keyof Module>(
  load: () => Promise<Module>,
  name: Name,
): () => Promise<CommandFactory> {
  return async () => (await load())[name] as CommandFactory;
}

const HELP_FLAGS = new Set(['--help', '-h', 'help', '--version']);
/** The global flags that take a value (global-options.ts). */
const VALUE_FLAGS = new Set(['--cwd', '--config']);
