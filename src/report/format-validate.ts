import type { ValidateResult } from '../app/results.js';
import { plainColors, type Colors } from './color.js';
import { formatDiagnosticCounts, formatDiagnostics, plural, relative } from './format-diagnostics.js';

/** Human text for `validate`: every diagnostic, then one summary line. */
export function formatValidate(result: ValidateResult, colors: Colors = plainColors, verbose = false): string {
  const lines: string[] = [];
  if (verbose) {
    for (const f of result.flows) lines.push(colors.paint('gray', `flow ${f.key} (${f.name}) — ${relative(result.root, f.file)}, ${plural(f.steps, 'step')}`));
    for (const m of result.helperModules) lines.push(colors.paint('gray', `helper module (exports no flow): ${relative(result.root, m)}`));
  }
  if (result.diagnostics.length > 0) lines.push(formatDiagnostics(result.diagnostics, result.root, colors));
  const counts = formatDiagnosticCounts(result.diagnostics);
  if (result.ok) {
    const warnings = result.diagnostics.some((d) => d.severity === 'warning') ? ` (${counts})` : '';
    lines.push(colors.paint('green', `✔ ${plural(result.flows.length, 'flow')} OK`) + ` in ${plural(result.files, 'file')}${warnings}`);
  } else {
    lines.push(colors.paint('red', `✖ ${counts}`) + ` in ${plural(result.files, 'file')}; ${plural(result.flows.length, 'flow')} valid`);
  }
  return lines.join('\n');
}
