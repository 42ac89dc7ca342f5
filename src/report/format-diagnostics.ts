import path from 'node:path';
import type { Diagnostic } from '../model/diagnostics.js';
import { countBySeverity, formatPath } from '../model/diagnostics.js';
import { plainColors, type Colors } from './color.js';

/** `flows/a.ts:12:5  error  [flow greeting] steps[0].config.model: message (CODE)` plus hint. */
export function formatDiagnostic(
  d: Diagnostic,
  root: string,
  colors: Colors = plainColors,
): string {
  const where =
    d.file === undefined
      ? ''
      : `${relative(root, d.file)}${d.line === undefined ? '' : `:${d.line}:${d.column ?? 1}`}`;
  const severity =
    d.severity === 'error'
      ? colors.paint('red', 'error')
      : d.severity === 'warning'
        ? colors.paint('yellow', 'warning')
        : colors.paint('cyan', 'info');
  const flow = d.flowKey === undefined ? '' : `flow ${colors.paint('bold', d.flowKey)} `;
  const field = d.path && d.path.length > 0 ? `${colors.paint('cyan', formatPath(d.path))}: ` : '';
  const head = [where && colors.paint('bold', where), severity].filter(Boolean).join('  ');
  const lines = [`${head}  ${flow}${field}${d.message} ${colors.paint('gray', `(${d.code})`)}`];
  if (d.hint) lines.push(`    ${colors.paint('gray', `hint: ${d.hint}`)}`);
  return lines.join('\n');
}

export function formatDiagnostics(
  list: readonly Diagnostic[],
  root: string,
  colors: Colors = plainColors,
): string {
  return list.map((d) => formatDiagnostic(d, root, colors)).join('\n');
}

export function formatDiagnosticCounts(list: readonly Diagnostic[]): string {
  const counts = countBySeverity(list);
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  return parts.join(', ');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function relative(root: string, file: string): string {
  const rel = path.relative(root, file);
  return rel.startsWith('..') ? file : rel;
}
