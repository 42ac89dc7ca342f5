import type { Colors } from './color.js';
import { JSON_SCHEMA_VERSION } from './json-version.js';

/** A flag or command the parser refused; nothing ran. */
export interface UsageProblem {
  message: string;
  /** The command it was given to (`sync`), when one was named. */
  command?: string;
}

/**
 * Two lines instead of the whole help (about 30 lines, which bury the one that
 * matters): what was wrong, and the command's usage with where to read more.
 */
export function formatUsageError(problem: UsageProblem, colors: Colors): string {
  const name = problem.command === undefined ? 'runtype-flows' : `runtype-flows ${problem.command}`;
  const usage = problem.command === undefined ? `${name} <command> [options]` : `${name} [options]`;
  const lists = problem.command === undefined ? 'the commands' : 'its options';
  return [
    `${colors.paint('red', 'error')} ${problem.message}`,
    `usage: ${usage}  (${name} --help for ${lists})`,
  ].join('\n');
}

/** The error document `--json` asks for, on stdout; the same shape as any command's failure. */
export function usageErrorDocument(problem: UsageProblem): string {
  const name = problem.command === undefined ? 'runtype-flows' : `runtype-flows ${problem.command}`;
  const error = { code: 'USAGE_ERROR', message: problem.message, hint: `See ${name} --help.` };
  return JSON.stringify({ schemaVersion: JSON_SCHEMA_VERSION, status: 'error', error }, null, 2);
}
