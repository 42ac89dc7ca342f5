import type { CheckStatus, DoctorResult } from '../app/results.js';
import type { Colors, Style } from './color.js';

const MARK: Record<CheckStatus, [string, Style]> = {
  ok: ['✔', 'green'],
  warn: ['!', 'yellow'],
  fail: ['✖', 'red'],
  skip: ['-', 'gray'],
};

/** One line per check, its hint under it, then the verdict. */
export function formatDoctor(result: DoctorResult, colors: Colors): string {
  const lines: string[] = [];
  for (const check of result.checks) {
    const [mark, style] = MARK[check.status];
    lines.push(`${colors.paint(style, mark)} ${check.name.padEnd(11)} ${check.message}`);
    if (check.hint) lines.push(colors.paint('gray', `  hint: ${check.hint}`));
  }
  const failed = result.checks.filter((c) => c.status === 'fail').length;
  lines.push(
    '',
    failed === 0
      ? colors.paint('green', 'Everything needed to deploy is in place.')
      : colors.paint('red', `${failed} check${failed === 1 ? '' : 's'} failed.`),
  );
  return lines.join('\n');
}
