import { diffLines, diffWordsWithSpace } from 'diff';

export type DiffLineKind = 'add' | 'remove' | 'context';

/** Unchanged lines kept around each change. */
const CONTEXT = 2;

/** Marks the changed words of a changed line (only given when colour is on). */
export type WordHighlight = (kind: 'add' | 'remove', words: string) => string;

/**
 * A unified-style line diff of two texts (`- ` old, `+ ` new, `  ` context,
 * two lines of context around each change, `…` for what is left out),
 * indented so it can sit under a field name. With `highlight`, a removed line
 * followed by its replacement gets the words that changed marked inside it, so a
 * one-word edit in a long prompt line is seen at a glance.
 */
export function lineDiff(
  before: string,
  after: string,
  indent: string,
  paint: (kind: DiffLineKind, text: string) => string = (_k, t) => t,
  highlight?: WordHighlight,
): string {
  const parts = diffLines(normalizeEol(before), normalizeEol(after)).map((part) => {
    const kind: DiffLineKind = part.added ? 'add' : part.removed ? 'remove' : 'context';
    const text = part.value.endsWith('\n') ? part.value.slice(0, -1) : part.value;
    return { kind, lines: text.split('\n') };
  });
  if (highlight) markChangedWords(parts, highlight);
  const lines: string[] = [];
  parts.forEach(({ kind, lines: partLines }, index) => {
    const mark = kind === 'add' ? '+ ' : kind === 'remove' ? '- ' : '  ';
    for (const line of kind === 'context'
      ? trimContext(partLines, index === 0, index === parts.length - 1)
      : partLines) {
      lines.push(
        line === null
          ? `${indent}${paint('context', '  …')}`
          : `${indent}${paint(kind, `${mark}${line}`)}`,
      );
    }
  });
  return lines.join('\n');
}

/**
 * Multi-line or long strings (prompts, scripts, templates) read better as a line diff than as "old
 * → new".
 */
export function isLongText(value: unknown): value is string {
  return typeof value === 'string' && (value.includes('\n') || value.length > 60);
}

// --- internal ---

/**
 * Pairs each removed block with the added block after it, line by line, and marks the words that
 * differ.
 */
function markChangedWords(
  parts: { kind: DiffLineKind; lines: string[] }[],
  highlight: WordHighlight,
): void {
  for (let i = 0; i + 1 < parts.length; i += 1) {
    const removed = parts[i]!;
    const added = parts[i + 1]!;
    if (removed.kind !== 'remove' || added.kind !== 'add') continue;
    const pairs = Math.min(removed.lines.length, added.lines.length);
    for (let j = 0; j < pairs; j += 1) {
      const words = diffWordsWithSpace(removed.lines[j]!, added.lines[j]!);
      // A line rewritten from scratch is all "changed": marking every word would add nothing.
      if (!words.some((w) => !w.added && !w.removed && w.value.trim() !== '')) continue;
      removed.lines[j] = words
        .filter((w) => !w.added)
        .map((w) => (w.removed ? highlight('remove', w.value) : w.value))
        .join('');
      added.lines[j] = words
        .filter((w) => !w.removed)
        .map((w) => (w.added ? highlight('add', w.value) : w.value))
        .join('');
    }
  }
}

/** Unchanged lines: only the ones next to a change; `null` marks a gap. */
function trimContext(lines: string[], first: boolean, last: boolean): (string | null)[] {
  if (first && last) return lines; // nothing changed
  if (first) return lines.length > CONTEXT ? [null, ...lines.slice(-CONTEXT)] : lines;
  if (last) return lines.length > CONTEXT ? [...lines.slice(0, CONTEXT), null] : lines;
  return lines.length > 2 * CONTEXT + 1
    ? [...lines.slice(0, CONTEXT), null, ...lines.slice(-CONTEXT)]
    : lines;
}

function normalizeEol(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
