import * as stepHelpers from '../../model/step-helpers.js';
import type { SourceAnchor } from './flow-root.js';
import { stringValue, tokenize, type Token } from './literal-tokens.js';

/**
 * Locates a diagnostic in the shape nearly every flow file has — `export default defineFlow({…})`
 * or `export const name = defineFlow({…})`, its path running through object literals, arrays
 * and step helper calls — from tokens, without TypeScript. Loading ts-morph (the whole compiler)
 * for one warning in 1 of 500 files cost validate ~450-630 ms and 55 MB. Every answer is the
 * one source-locator.ts (ts-morph) gives; where this one cannot be sure of that (any other
 * shape: a spread, a computed key, a constant to follow, a factory…) it says UNSURE and the
 * caller asks ts-morph.
 */
export const UNSURE = 'unsure';

export type Located = { line: number; column: number } | undefined | typeof UNSURE;

export interface LiteralLocator {
  locate(
    anchor: SourceAnchor,
    path: readonly (string | number)[],
    about?: { message?: string; code?: string },
  ): Located;
}

export function createLiteralLocator(text: string): LiteralLocator {
  // Line breaks other than \n and \r\n count differently in TypeScript: not worth the doubt.
  const tokens = /\r(?!\n)|\u2028|\u2029|^\uFEFF/.test(text) ? undefined : tokenize(text);
  const match = tokens && matchBrackets(tokens);
  if (!tokens || !match) return { locate: () => UNSURE };
  const file = new LiteralFile(text, tokens, match);
  return { locate: (anchor, path, about = {}) => file.locate(anchor, path, about) };
}

// --- internal ---

/** Codes about a field's name rather than its value (as in source-locator.ts). */
const FIELD_CODES = /FIELD_UNKNOWN|FIELD_TYPO/;
const STEP_LEVEL_FIELDS = new Set(['name', 'enabled', 'when', 'order']);
const HELPERS = new Set(Object.keys(stepHelpers).filter((name) => name !== 'customStep'));
const CLOSERS = new Set([')', ']', '}']);
const STATEMENT_STARTS = new Set(['export', 'import', 'const', 'let', 'var', 'function']);

/** A value: tokens [start, end) and what they are. `name` is the property it is the value of. */
interface Value {
  kind: 'object' | 'array' | 'call' | 'literal' | 'name' | 'complex';
  start: number;
  end: number;
  /** Token of the property name, when this is the value of `name: value`. */
  propertyName?: number;
}

const STOP = 'stop';

class LiteralFile {
  private readonly text: string;
  private readonly tokens: Token[];
  private readonly match: Map<number, number>;

  constructor(text: string, tokens: Token[], match: Map<number, number>) {
    this.text = text;
    this.tokens = tokens;
    this.match = match;
  }

  locate(
    anchor: SourceAnchor,
    path: readonly (string | number)[],
    about: { message?: string; code?: string },
  ): Located {
    const found = this.root(anchor);
    if (found === UNSURE) return UNSURE;
    const { call, root } = found;
    let node = root;
    let walked = 0;
    for (const segment of path) {
      const next = this.step(node, segment);
      if (next === UNSURE) return UNSURE;
      if (next === STOP) break;
      node = next;
      walked += 1;
    }
    if (node === root) return this.position(call, undefined);
    const field = walked === path.length && FIELD_CODES.test(about.code ?? '');
    if (field && node.propertyName !== undefined) return this.position(node.propertyName, about);
    // A complex value's variable offset depends on what TypeScript unwraps: leave it to it.
    if (node.kind === 'complex' && variableOf(about.message) !== undefined) return UNSURE;
    return this.position(node.start, node.kind === 'literal' ? about : undefined);
  }

  /** The flow object of `export default defineFlow({` or `export const name = defineFlow({`. */
  private root(anchor: SourceAnchor): { call: number; root: Value } | typeof UNSURE {
    const t = this.tokens;
    const name = anchor.exportName;
    if (name === undefined) return UNSURE;
    const lead = name === 'default' ? ['export', 'default'] : ['export', 'const', name, '='];
    const starts: number[] = [];
    for (let i = 0; i + lead.length < t.length; i += 1)
      if (lead.every((word, k) => t[i + k]!.text === word)) starts.push(i);
    if (starts.length !== 1) return UNSURE;
    const call = starts[0]! + lead.length;
    if (t[call]?.text !== 'defineFlow' || t[call + 1]?.text !== '(') return UNSURE;
    const close = this.match.get(call + 1)!;
    const root = this.value(call + 2, close);
    if (root.kind !== 'object' || root.end !== close) return UNSURE;
    const after = t[close + 1];
    if (after !== undefined && after.text !== ';' && !STATEMENT_STARTS.has(after.text))
      return UNSURE;
    if (anchor.flowKey !== undefined) {
      const keys = this.members(root);
      if (keys === UNSURE) return UNSURE;
      const key = keys.filter((m) => m.name === 'key');
      const value = key.length === 1 ? key[0]!.value : undefined;
      if (value?.kind !== 'literal' || stringValue(t[value.start]!) !== anchor.flowKey)
        return UNSURE;
    }
    return { call, root };
  }

  private step(node: Value, segment: string | number): Value | typeof STOP | typeof UNSURE {
    // TypeScript follows a name to its module-level constant, and unwraps `as` and parentheses.
    if (node.kind === 'name') {
      return ['true', 'false', 'null'].includes(this.tokens[node.start]!.text) ? STOP : UNSURE;
    }
    if (node.kind === 'complex') return UNSURE;
    if (typeof segment === 'number') {
      if (node.kind !== 'array') return STOP;
      const elements = this.list(node.start + 1, node.end - 1);
      if (elements === UNSURE) return UNSURE;
      for (let i = 0; i <= segment && i < elements.length; i += 1)
        if (this.tokens[elements[i]!.start]!.text === '...') return STOP;
      return elements[segment] ?? STOP;
    }
    if (node.kind === 'object') return this.property(node, segment);
    if (node.kind !== 'call') return STOP;
    const callee = this.tokens[node.start]!.text;
    if (callee === 'customStep') return UNSURE;
    if (!HELPERS.has(callee)) return STOP;
    const args = this.list(node.start + 2, node.end - 1);
    if (args === UNSURE) return UNSURE;
    const [id, options] = args;
    if (segment === 'id') return id ?? STOP;
    if (segment === 'type') return { kind: 'name', start: node.start, end: node.start + 1 };
    if (segment === 'config') return options ?? STOP;
    return options && STEP_LEVEL_FIELDS.has(segment) ? this.step(options, segment) : STOP;
  }

  /** The last property of that name; a spread after it makes it unknowable (as in ts-morph). */
  private property(object: Value, name: string): Value | typeof STOP | typeof UNSURE {
    const members = this.members(object);
    if (members === UNSURE) return UNSURE;
    for (let i = members.length - 1; i >= 0; i -= 1) {
      const member = members[i]!;
      if (member.name === undefined) return STOP; // a spread
      if (member.name === name) return member.value;
    }
    return STOP;
  }

  /** `name: value`, shorthand `name` and `...spread` members; UNSURE for anything else. */
  private members(object: Value): { name: string | undefined; value: Value }[] | typeof UNSURE {
    const elements = this.list(object.start + 1, object.end - 1);
    if (elements === UNSURE) return UNSURE;
    const out: { name: string | undefined; value: Value }[] = [];
    for (const { start, end } of elements) {
      const first = this.tokens[start]!;
      if (first.text === '...') {
        out.push({ name: undefined, value: this.value(start + 1, end) });
      } else if (end - start === 1 && first.kind === 'name') {
        out.push({ name: first.text, value: { kind: 'name', start, end } });
      } else if (this.tokens[start + 1]?.text === ':' && end > start + 2) {
        const name = first.kind === 'name' ? first.text : stringValue(first);
        if (name === undefined) return UNSURE;
        out.push({ name, value: { ...this.value(start + 2, end), propertyName: start } });
      } else {
        return UNSURE; // a method, accessor, computed or numeric key
      }
    }
    return out;
  }

  /** Comma-separated values of tokens [start, end); a trailing comma is fine, a hole is not. */
  private list(start: number, end: number): Value[] | typeof UNSURE {
    const out: Value[] = [];
    let from = start;
    for (let i = start; i <= end; i += 1) {
      if (i < end && this.tokens[i]!.text !== ',') {
        i = this.match.get(i) ?? i;
        continue;
      }
      if (i === from) {
        if (i === end && out.length > 0 && this.tokens[i - 1]!.text === ',') break;
        if (i === end && out.length === 0) break;
        return UNSURE;
      }
      out.push(this.value(from, i));
      from = i + 1;
    }
    return out;
  }

  /** What the tokens [start, end) are, as far as locating needs to know. */
  private value(start: number, end: number): Value {
    const t = this.tokens;
    const first = t[start]!;
    const whole = (kind: Value['kind'], last: number): Value =>
      last + 1 === end ? { kind, start, end } : { kind: 'complex', start, end };
    if (first.text === '{') return whole('object', this.match.get(start)!);
    if (first.text === '[') return whole('array', this.match.get(start)!);
    if (first.kind === 'name' && t[start + 1]?.text === '(')
      return whole('call', this.match.get(start + 1)!);
    if (first.kind === 'string' || first.kind === 'number') return whole('literal', start);
    if (first.kind === 'name') return whole('name', start);
    return { kind: 'complex', start, end };
  }

  private position(
    token: number,
    about: { message?: string } | undefined,
  ): { line: number; column: number } {
    const t = this.tokens[token]!;
    let offset = t.start;
    const variable = variableOf(about?.message);
    if (variable !== undefined && t.kind === 'string') {
      const index = t.text.indexOf(variable);
      if (index >= 0) offset += index;
    }
    const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    let line = 1;
    for (
      let i = this.text.indexOf('\n');
      i !== -1 && i < offset;
      i = this.text.indexOf('\n', i + 1)
    )
      line += 1;
    return { line, column: offset - lineStart + 1 };
  }
}

function variableOf(message: string | undefined): string | undefined {
  return message === undefined ? undefined : /\{\{[^{}]+\}\}/.exec(message)?.[0];
}

/** Opening bracket index → its closing one; undefined when they do not pair up. */
function matchBrackets(tokens: Token[]): Map<number, number> | undefined {
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const open: number[] = [];
  const match = new Map<number, number>();
  for (const [i, token] of tokens.entries()) {
    if (token.kind !== 'punct') continue;
    if (pairs[token.text] !== undefined) open.push(i);
    else if (CLOSERS.has(token.text)) {
      const from = open.pop();
      if (from === undefined || pairs[tokens[from]!.text] !== token.text) return undefined;
      match.set(from, i);
    }
  }
  return open.length === 0 ? match : undefined;
}
