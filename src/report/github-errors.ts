import { isRuntypeError } from '../errors.js';
import type { Diagnostic } from '../model/diagnostics.js';
import { countBySeverity } from '../model/diagnostics.js';
import { errorToJson } from './format-error.js';
import { plural, relative } from './format-diagnostics.js';
import { code, diagnosticAnnotation, formatErrorAnnotation, row, table } from './github.js';

/**
 * A top-level error in GitHub Actions. When it is invalid flows (`plan` or `sync` on
 * broken code: FLOWS_INVALID carries the diagnostics), each problem is annotated on
 * its file and line, as `validate` does; any other error is one annotation.
 */
export function formatErrorAnnotations(error: unknown, root: string | undefined): string[] {
  const diagnostics = diagnosticsOf(error);
  const headline = formatErrorAnnotation(error);
  if (diagnostics === undefined) return [headline];
  const located = diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) => diagnosticAnnotation(d, root));
  return [...located, headline];
}

/** The job summary of a failed run: the problems by file for invalid flows, else the error. */
export function formatErrorSummary(error: unknown, root: string | undefined): string {
  const e = errorToJson(error);
  const diagnostics = diagnosticsOf(error);
  const lines = ['### runtype-flows failed', '', `✖ ${e.message} (${code(e.code)})`];
  if (e.hint) lines.push('', e.hint);
  if (diagnostics !== undefined) {
    const n = countBySeverity(diagnostics);
    const where = (d: Diagnostic) =>
      d.file ? code(`${root ? relative(root, d.file) : d.file}${d.line ? `:${d.line}` : ''}`) : '';
    const rows = diagnostics
      .filter((d) => d.severity !== 'info')
      .map((d) => row(d.severity, where(d), d.code, d.message));
    lines.push('', `${plural(n.error, 'error')}, ${plural(n.warning, 'warning')}:`);
    lines.push(...table(['severity', 'where', 'code', 'message'], rows));
  }
  return `${lines.join('\n')}\n`;
}

// --- internal ---

function diagnosticsOf(error: unknown): Diagnostic[] | undefined {
  if (!isRuntypeError(error) || error.code !== 'FLOWS_INVALID') return undefined;
  const list = error.meta?.diagnostics;
  return Array.isArray(list) ? (list as unknown as Diagnostic[]) : undefined;
}
