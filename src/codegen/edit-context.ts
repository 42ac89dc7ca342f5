import { Node, type ObjectLiteralExpression } from 'ts-morph';
import type { JsonValue } from '../model/index.js';
import { jsonDoc } from './json-doc.js';
import { layout } from './layout.js';
import { findProperty, isPlainLiteral } from './literal-node.js';
import { propertyKey } from './string-literal.js';

/** A value the source computes (or hides behind a spread) where the remote differs. */
export interface ComputedValue {
  path: string;
  line: number;
}

/** What one edit of a flow module did, and what it could not do. */
export interface EditContext {
  /** Overwrite computed values with the remote literal too. */
  force: boolean;
  changed: string[];
  computed: ComputedValue[];
  /** Helpers the new steps call: imported if the module does not yet. */
  imports: Set<string>;
  /**
   * Properties added (ts-morph drops the trailing comma a multi-line object had: put back at the
   * end).
   */
  added: Node[];
}

/**
 * Sets (or, with `undefined`, removes) one property of an object literal the
 * module writes. A computed value, or a spread that may set it, is recorded
 * in `computed` and left alone unless `force`.
 */
export function setProperty(
  ctx: EditContext,
  object: ObjectLiteralExpression,
  name: string,
  value: string | undefined,
  path: string,
): void {
  const found = findProperty(object, name);
  if (found === 'unsure') {
    ctx.computed.push({ path, line: object.getStartLineNumber() });
    if (!ctx.force || value === undefined) return;
    ctx.added.push(object.addPropertyAssignment({ name: propertyKey(name), initializer: value }));
  } else if (found === undefined) {
    if (value === undefined) return;
    const index = insertIndex(object, name);
    ctx.added.push(
      object.insertPropertyAssignment(index, { name: propertyKey(name), initializer: value }),
    );
  } else {
    const plain = Node.isPropertyAssignment(found) && isPlainLiteral(found.getInitializerOrThrow());
    if (!plain) {
      ctx.computed.push({ path, line: found.getStartLineNumber() });
      if (!ctx.force) return;
    }
    if (value === undefined) (found as Node & { remove(): void }).remove();
    else if (Node.isPropertyAssignment(found)) found.setInitializer(value);
    else found.replaceWithText(`${propertyKey(name)}: ${value}`);
  }
  ctx.changed.push(path);
}

/** A JSON value as source for a property of `object` (laid out at its indentation). */
export function valueText(object: ObjectLiteralExpression, name: string, value: JsonValue): string {
  const indent = propertyIndent(object);
  return layout(jsonDoc(value), indent, indent + propertyKey(name).length + 2, 1);
}

/** The indentation of an object's properties (2 more than the object's line when it has none). */
export function propertyIndent(object: ObjectLiteralExpression): number {
  const first = object.getProperties()[0];
  if (first) return first.getIndentationText().length;
  return object.getIndentationText().length + 2;
}

/**
 * The module text with a trailing comma after each added property that ended
 * up last in a multi-line object (the style of the file, and of `flows/`).
 * Done on the final text, so no node is forgotten while edits remain.
 */
export function withTrailingCommas(text: string, added: readonly Node[]): string {
  const ends = added.filter((node) => !node.wasForgotten()).map((node) => node.getEnd());
  let out = text;
  for (const end of [...new Set(ends)].sort((a, b) => b - a)) {
    const rest = out.slice(end);
    if (/^\s*\n\s*\}/.test(rest)) out = `${out.slice(0, end)},${rest}`;
  }
  return out;
}

// --- internal ---

/** Step-level fields go right after `name` (where people write them); the rest at the end. */
function insertIndex(object: ObjectLiteralExpression, name: string): number {
  const properties = object.getProperties();
  if (!['enabled', 'order', 'when', 'inputs'].includes(name)) return properties.length;
  const after = properties.findIndex((p) => findProperty(object, 'name') === p);
  return after < 0 ? properties.length : after + 1;
}
