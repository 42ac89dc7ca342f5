// First: V8 flags must be set before any WebAssembly is compiled.
import './v8-flags.js';
import { VERSION } from '../app/version.js';
import { startStandbyWorker } from '../load/worker/standby-worker.js';
import { loadsProject } from './command-table.js';

/**
 * The process entry: the only place that wires process.* into the CLI.
 * First Ctrl-C aborts the run gracefully (the lock state is kept, exit 130);
 * a second one exits at once.
 */
const controller = new AbortController();
let interrupts = 0;
const onSignal = (): void => {
  interrupts += 1;
  if (interrupts > 1) process.exit(130);
  controller.abort(new Error('interrupted'));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

// `--version` alone is answered before the parser (yargs, ~100 ms of imports) loads; yargs
// would print the same line.
const args = process.argv.slice(2);
const versionOnly = args.length === 1 && args[0] === '--version';
if (versionOnly) process.stdout.write(`${VERSION}\n`);
// A command that loads the project gets its loader worker now: the worker's start runs on the
// other core while this thread imports the parser and the command (see standby-worker.ts).
if (!versionOnly && loadsProject(args)) startStandbyWorker();
const code = versionOnly ? 0 : await runMain();
// Each command decides what an interrupt means: 130 for a run cut short, 0 for the emulator,
// whose normal end is Ctrl-C.
process.exitCode = code;

async function runMain(): Promise<number> {
  const { main } = await import('./main.js');
  return main(
    {
      argv: process.argv,
      env: process.env,
      cwd: process.cwd(),
      stdout: process.stdout,
      stderr: process.stderr,
      stdinIsTTY: process.stdin.isTTY === true,
    },
    controller.signal,
  );
}
