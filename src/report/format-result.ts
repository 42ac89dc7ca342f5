import type { CommandResult } from '../app/results.js';
import type { Colors } from './color.js';
import { formatInit } from './format-init.js';
import { formatValidate } from './format-validate.js';

/** Human text for a command's outcome (stdout). */
export function formatResult(result: CommandResult, colors: Colors, verbose: boolean): string {
  switch (result.command) {
    case 'validate':
      return formatValidate(result, colors, verbose);
    case 'init':
      return formatInit(result, colors);
    default:
      return JSON.stringify(result, null, 2);
  }
}
