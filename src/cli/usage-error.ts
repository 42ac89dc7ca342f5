import { hideBin } from 'yargs/helpers';
import { createColors } from '../report/color.js';
import {
  formatUsageError,
  usageErrorDocument,
  type UsageProblem,
} from '../report/format-usage-error.js';
import type { ProcessIo } from './build-context.js';

/**
 * A flag or command yargs rejected, or a command's own check of its flags threw; nothing has
 * run. main reports it with the command's usage (exit 1).
 */
export class UsageError extends Error {}

/**
 * Reports a usage error: the message and the command's usage on stderr; with --json
 * also the one error document on stdout, so a script reading stdout gets JSON even
 * when the flags were wrong. (main parsed nothing: --json is read from argv here.)
 */
export function reportUsageError(io: ProcessIo, given: UsageProblem): void {
  const args = hideBin(io.argv);
  // yargs' suggestion for a mistyped command does not say what was mistyped.
  const typed = args.find((a) => !a.startsWith('-'));
  const problem =
    given.command === undefined && given.message.startsWith('Did you mean') && typed
      ? { ...given, message: `Unknown command: ${typed}. ${given.message}` }
      : given;
  if (args.some((a) => a === '--json' || a === '--json=true')) {
    io.stdout.write(`${usageErrorDocument(problem)}\n`);
  }
  const env = { ...io.env };
  if (args.includes('--no-color')) env.NO_COLOR = '1';
  io.stderr.write(`${formatUsageError(problem, createColors(env, io.stderr.isTTY === true))}\n`);
}
