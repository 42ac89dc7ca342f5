import { diffLines } from 'diff';

/** A unified-style line diff (`-` old, `+` new, two lines of context), indented for nesting under a field. */
export function lineDiff(before: string, after: string, indent: string, paint: (kind: 'add' | 'remove' | 'context', text: string) => string): string {
  const lines: string[] = [];
  for (const part of diffLines(before, after)) {
    const kind = part.added ? 'add' : part.removed ? 'remove' : 'context';
    const text = part.value.endsWith('\n') ? part.value.slice(0, -1) : part.value;
    const partLines = text.split('\n');
    const shown = kind === 'context' && partLines.length > 4 ? [...partLines.slice(0, 2), '…', ...partLines.slice(-2)] : partLines;
    const mark = kind === 'add' ? '+ ' : kind === 'remove' ? '- ' : '  ';
    for (const line of shown) lines.push(`${indent}${paint(kind, `${mark}${line}`)}`);
  }
  return lines.join('\n');
}

/** Multi-line or long strings read better as a line diff than as "old → new". */
export function isLongText(value: unknown): value is string {
  return typeof value === 'string' && (value.includes('\n') || value.length > 60);
}
