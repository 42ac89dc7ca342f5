/**
 * A tiny pretty-printer for the code a pull writes: values are laid out on
 * one line when they fit in the line width, and broken one entry a line
 * (2-space indent, trailing commas) when they do not — the shape of the
 * hand-written flows in `flows/` and of prettier's output.
 */
export type Doc =
  /** Source text that is never broken (a literal; it may span lines, like a template literal). */
  | { kind: 'text'; text: string }
  | { kind: 'object'; entries: readonly (readonly [key: string, value: Doc])[] }
  | { kind: 'array'; items: readonly Doc[] }
  /**
   * `callee(arg, ..., last)`: when it breaks, the last argument (an object) hugs the parentheses.
   */
  | { kind: 'call'; callee: string; args: readonly Doc[] };

export const LINE_WIDTH = 100;

export const text = (value: string): Doc => ({ kind: 'text', text: value });

/**
 * `doc` as source, starting at column `column` of a line indented by
 * `indent`; `tail` is what follows it on its last line (`,`, `);`), counted
 * for the width.
 */
export function layout(doc: Doc, indent: number, column: number, tail = 0): string {
  const flat = flatten(doc);
  if (flat !== undefined && column + flat.length + tail <= LINE_WIDTH) return flat;
  const pad = ' '.repeat(indent + 2);
  const close = ' '.repeat(indent);
  switch (doc.kind) {
    case 'text':
      return doc.text;
    case 'object': {
      if (doc.entries.length === 0) return '{}';
      const lines = doc.entries.map(
        ([key, value]) =>
          `${pad}${key}: ${layout(value, indent + 2, indent + 2 + key.length + 2, 1)},`,
      );
      return `{\n${lines.join('\n')}\n${close}}`;
    }
    case 'array': {
      if (doc.items.length === 0) return '[]';
      const lines = doc.items.map((item) => `${pad}${layout(item, indent + 2, indent + 2, 1)},`);
      return `[\n${lines.join('\n')}\n${close}]`;
    }
    case 'call':
      return layoutCall(doc, indent, column);
  }
}

// --- internal ---

/** One line, or undefined when some part must span lines. */
function flatten(doc: Doc): string | undefined {
  switch (doc.kind) {
    case 'text':
      return doc.text.includes('\n') ? undefined : doc.text;
    case 'object': {
      if (doc.entries.length === 0) return '{}';
      const parts = doc.entries.map(([key, value]) => {
        const flat = flatten(value);
        return flat === undefined ? undefined : `${key}: ${flat}`;
      });
      return joined(parts, '{ ', ' }');
    }
    case 'array':
      return doc.items.length === 0 ? '[]' : joined(doc.items.map(flatten), '[', ']');
    case 'call':
      return joined(doc.args.map(flatten), `${doc.callee}(`, ')');
  }
}

function joined(
  parts: readonly (string | undefined)[],
  open: string,
  close: string,
): string | undefined {
  if (parts.some((p) => p === undefined)) return undefined;
  return `${open}${parts.join(', ')}${close}`;
}

function layoutCall(doc: Extract<Doc, { kind: 'call' }>, indent: number, column: number): string {
  const last = doc.args[doc.args.length - 1];
  const leading = doc.args.slice(0, -1).map(flatten);
  if (
    last &&
    (last.kind === 'object' || last.kind === 'array') &&
    leading.every((p) => p !== undefined)
  ) {
    const head = `${doc.callee}(${[...leading, ''].join(', ')}`;
    return `${head}${layout(last, indent, column + head.length, 1)})`;
  }
  const pad = ' '.repeat(indent + 2);
  const args = doc.args.map((arg) => `${pad}${layout(arg, indent + 2, indent + 2, 1)},`);
  return `${doc.callee}(\n${args.join('\n')}\n${' '.repeat(indent)})`;
}
