/**
 * A Diagnostic is one problem found in the user's input. Validation collects
 * all of them before anything fails, so a user sees every broken file at once.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable machine code, e.g. FLOW_SCHEMA, DUPLICATE_KEY, UNKNOWN_VARIABLE. */
  code: string;
  message: string;
  /** Absolute path of the file the problem is in, when known. */
  file?: string;
  /** 1-based line and column, when known. */
  line?: number;
  column?: number;
  /** The flow key the problem belongs to, when known. */
  flowKey?: string;
  /**
   * The export of `file` that holds the value the problem is in (`default`, `four`), when known:
   * with `flowKey`, what places the problem in the source when one file holds several flows.
   */
  exportName?: string;
  /** Path inside the flow value, e.g. ['steps', 0, 'config', 'model']. */
  path?: (string | number)[];
  /** What to do about it (e.g. a "did you mean" suggestion). */
  hint?: string;
}

/** A path inside a flow value, e.g. ['steps', 0, 'config', 'model']. */
export type DiagnosticPath = (string | number)[];

/** How the model's checks hand a diagnostic to parseFlow, which adds `file` and `flowKey`. */
export type ReportDiagnostic = (d: Omit<Diagnostic, 'file' | 'flowKey'>) => void;

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}

/** Render a zod-style path as `steps[0].config.model`. */
export function formatPath(path: readonly (string | number)[] | undefined): string {
  if (!path || path.length === 0) return '';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}
