/**
 * Runtype's `{{…}}` templates (runtype-api.md §5) outside Liquid: `{{name}}`, dot paths
 * (`{{ticket.category}}`, `{{items.0.name}}`, `{{items[0].name}}`), and fallback chains
 * `{{a || "default"}}` (truthy) / `{{a ?? b}}` (nullish) with string, number, boolean and null
 * literals. No arithmetic, comparisons or filters. What cannot be resolved stays in the text as
 * written and is reported (dispatch/assumptions.ts, TEMPLATE_RULES).
 */

/** Looks a variable up by its root name (`ticket` of `ticket.category`). */
export type Lookup = (root: string) => { found: boolean; value?: unknown };

export interface Resolved {
  text: string;
  /** The expressions that resolved to nothing, as written (`customer_name`, `a || b`). */
  unresolved: string[];
}

const EXPRESSION = /\{\{\s*([\s\S]*?)\s*\}\}/g;

/** Substitutes every `{{…}}` of `text`. */
export function resolveTemplate(text: string, lookup: Lookup): Resolved {
  if (!text.includes('{{')) return { text, unresolved: [] };
  const unresolved: string[] = [];
  const out = text.replace(EXPRESSION, (whole, expression: string) => {
    const result = evaluateExpression(expression, lookup);
    if (!result.found) {
      unresolved.push(expression);
      return whole;
    }
    return renderValue(result.value);
  });
  return { text: out, unresolved };
}

/**
 * The value of a text that is exactly one `{{…}}` (kept as it is: an object stays an object),
 * or undefined when the text is anything else.
 */
export function wholeExpression(text: string): string | undefined {
  const match = /^\{\{\s*([\s\S]*?)\s*\}\}$/.exec(text);
  return match === null || match[1]!.includes('}}') ? undefined : match[1];
}

/** A value as it appears in text: strings as they are, everything else as JSON. */
export function renderValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? '';
}

/** One expression's value: the fallback chain evaluated left to right. */
export function evaluateExpression(
  expression: string,
  lookup: Lookup,
): { found: boolean; value?: unknown } {
  const parts = splitChain(expression);
  let current = operand(parts[0]!, lookup);
  for (let i = 1; i < parts.length; i += 2) {
    const op = parts[i];
    const missing = !current.found || current.value === undefined || current.value === null;
    const replace = op === '??' ? missing : missing || !current.value;
    if (replace) current = operand(parts[i + 1]!, lookup);
  }
  return current;
}

// --- internal ---

const LITERAL_NUMBER = /^-?\d+(?:\.\d+)?$/;
const PATH = /^([A-Za-z_$][\w$-]*)((?:\.[\w$-]+|\[\d+\]|\["[^"]*"\]|\['[^']*'\])*)$/;
const SEGMENT = /\.([\w$-]+)|\[(\d+)\]|\["([^"]*)"\]|\['([^']*)'\]/g;

/** `a || "x, y" ?? b` → ['a', '||', '"x, y"', '??', 'b'] (operators inside quotes are text). */
function splitChain(expression: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i]!;
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if ((c === '|' || c === '?') && expression[i + 1] === c) {
      parts.push(expression.slice(start, i).trim(), c + c);
      start = i + 2;
      i++;
    }
  }
  parts.push(expression.slice(start).trim());
  return parts;
}

function operand(text: string, lookup: Lookup): { found: boolean; value?: unknown } {
  if (text === 'true' || text === 'false') return { found: true, value: text === 'true' };
  if (text === 'null') return { found: true, value: null };
  if (text === 'undefined') return { found: true, value: undefined };
  if (LITERAL_NUMBER.test(text)) return { found: true, value: Number(text) };
  const quoted = stringLiteral(text);
  if (quoted !== undefined) return { found: true, value: quoted };
  return readPath(text, lookup);
}

function stringLiteral(text: string): string | undefined {
  if (text.length < 2) return undefined;
  const first = text[0];
  if ((first !== '"' && first !== "'") || text[text.length - 1] !== first) return undefined;
  const body = text.slice(1, -1);
  if (first === '"') {
    try {
      return JSON.parse(text) as string;
    } catch {
      return body;
    }
  }
  return body.replace(/\\'/g, "'");
}

/** A dot path over own properties only (no `constructor`, `__proto__` or prototype reads). */
function readPath(text: string, lookup: Lookup): { found: boolean; value?: unknown } {
  const match = PATH.exec(text);
  if (match === null) return { found: false };
  const root = lookup(match[1]!);
  if (!root.found) return { found: false };
  let value = root.value;
  for (const segment of match[2]!.matchAll(SEGMENT)) {
    const key = segment[1] ?? segment[2] ?? segment[3] ?? segment[4] ?? '';
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key))
      return { found: false };
    value = (value as Record<string, unknown>)[key];
  }
  return value === undefined ? { found: false } : { found: true, value };
}
