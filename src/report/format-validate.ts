import type { ValidateResult } from '../app/results.js';
import { plainColors, type Colors } from './color.js';
import {
  formatDiagnosticCounts,
  formatDiagnostics,
  plural,
  relative,
} from './format-diagnostics.js';

/** Human text for `validate`: every diagnostic, then one summary line. */
export function formatValidate(
  result: ValidateResult,
  colors: Colors = plainColors,
  verbose = false,
): string {
  const lines: string[] = [];
  if (verbose) {
    for (const f of result.flows)
      lines.push(
        colors.paint(
          'gray',
          `flow ${f.key} (${f.name}) — ` +
            `${relative(result.root, f.file)}, ${plural(f.steps, 'step')}`,
        ),
      );
    for (const m of result.helperModules)
      lines.push(
        colors.paint('gray', `helper module (exports no flow): ${relative(result.root, m)}`),
      );
  }
  if (result.diagnostics.length > 0)
    lines.push(formatDiagnostics(result.diagnostics, result.root, colors));
  const counts = formatDiagnosticCounts(result.diagnostics);
  if (result.ok) {
    const warnings = result.diagnostics.some((d) => d.severity === 'warning') ? ` (${counts})` : '';
    lines.push(
      colors.paint('green', `✔ ${plural(result.flows.length, 'flow')} OK`) +
        ` in ${plural(result.files, 'file')}${warnings}`,
    );
  } else {
    lines.push(
      colors.paint('red', `✖ ${counts}`) +
        ` in ${plural(result.files, 'file')}; ${plural(result.flows.length, 'flow')} valid`,
    );
  }
  if (result.remote) lines.push(colors.paint('gray', remoteLine(result.remote)));
  return lines.join('\n');
}

// --- internal ---

/** What `--remote` asked of the server, so "OK" is never read as more than it was. */
function remoteLine(remote: NonNullable<ValidateResult['remote']>): string {
  const how = remote.authenticated
    ? remote.accountChecksPerformed
      ? 'with the key, account checks included'
      : 'with the key'
    : 'without a key, so no account checks';
  return (
    `Checked ${plural(remote.checked, 'flow')} with the Runtype API's validator ` +
    `(environment "${remote.environment}", ${how}); nothing was written.`
  );
}
