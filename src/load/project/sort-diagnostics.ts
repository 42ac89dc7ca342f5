import type { Diagnostic } from '../../model/diagnostics.js';

/**
 * The order diagnostics are printed in: by file, then line, then column, so
 * a reader walks each file top to bottom. Problems without a file come first,
 * and within a file those without a line; ties keep the order found.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, index) => ({ d, index }))
    .sort((a, b) => compare(a.d, b.d) || a.index - b.index)
    .map(({ d }) => d);
}

// --- internal ---

function compare(a: Diagnostic, b: Diagnostic): number {
  const file = (a.file ?? '') < (b.file ?? '') ? -1 : (a.file ?? '') > (b.file ?? '') ? 1 : 0;
  return file || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
