import { diffLines } from 'diff';

export type DiffLineKind = 'add' | 'remove' | 'context';

/** Unchanged lines kept around each change. */
const CONTEXT = 2;

/**
 * A unified-style line diff of two texts (`- ` old, `+ ` new, `  ` context,
 * two lines of context around each change, `…` for what is left out),
 * indented so it can sit under a field name.
 */
export function lineDiff(before: string, after: string, indent: string, paint: (kind: DiffLineKind, text: string) => string = (_k, t) => t): string {
  const parts = diffLines(normalizeEol(before), normalizeEol(after));
  const lines: string[] = [];
  parts.forEach((part, index) => {
    const kind: DiffLineKind = part.added ? 'add' : part.removed ? 'remove' : 'context';
    const text = part.value.endsWith('\n') ? part.value.slice(0, -1) : part.value;
    const partLines = text.split('\n');
    const mark = kind === 'add' ? '+ ' : kind === 'remove' ? '- ' : '  ';
    for (const line of kind === 'context' ? trimContext(partLines, index === 0, index === parts.length - 1) : partLines) {
      lines.push(line === null ? `${indent}${paint('context', '  …')}` : `${indent}${paint(kind, `${mark}${line}`)}`);
    }
  });
  return lines.join('\n');
}

/** Multi-line or long strings (prompts, scripts, templates) read better as a line diff than as "old → new". */
export function isLongText(value: unknown): value is string {
  return typeof value === 'string' && (value.includes('\n') || value.length > 60);
}

// --- internal ---

/** Unchanged lines: only the ones next to a change; `null` marks a gap. */
function trimContext(lines: string[], first: boolean, last: boolean): (string | null)[] {
  if (first && last) return lines; // nothing changed
  if (first) return lines.length > CONTEXT ? [null, ...lines.slice(-CONTEXT)] : lines;
  if (last) return lines.length > CONTEXT ? [...lines.slice(0, CONTEXT), null] : lines;
  return lines.length > 2 * CONTEXT + 1 ? [...lines.slice(0, CONTEXT), null, ...lines.slice(-CONTEXT)] : lines;
}

function normalizeEol(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
