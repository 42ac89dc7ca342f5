import type { InitResult } from '../app/results.js';
import { plainColors, type Colors } from './color.js';

export function formatInit(result: InitResult, colors: Colors = plainColors): string {
  const lines = [
    ...result.created.map((f) => `${colors.paint('green', 'created')} ${f}`),
    ...result.updated.map((f) => `${colors.paint('green', 'updated')} ${f}`),
    ...result.skipped.map(
      (f) => `${colors.paint('gray', 'kept')}    ${f} (already exists, not overwritten)`,
    ),
    ...result.notes.map((n) => `\n${colors.paint('yellow', 'note')} ${n}`),
    '',
    colors.paint('bold', 'Next steps:'),
    ...result.nextSteps.map((s) => `  ${s}`),
  ];
  return lines.join('\n');
}
