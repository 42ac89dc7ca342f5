/**
 * The variables a template string reads: `{{name}}`, `{{name.path}}`,
 * `{{items[0].x}}`, fallbacks `{{a || "x"}}` / `{{a ?? b}}`, Liquid filters
 * `{{ name | upcase }}`. Literals (strings, numbers, true/false/null) are not
 * variables. Loop and assign variables of Liquid tags in the same string are
 * local to it.
 */
export interface TemplateRef {
  /** The whole reference, e.g. `ticket.category`. */
  ref: string;
  /** Its root name, e.g. `ticket`; `secret:NAME` stays whole. */
  root: string;
}

const EXPRESSION = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;
const LITERAL = /^(?:"[^"]*"|'[^']*'|-?\d+(?:\.\d+)?|true|false|null|undefined)$/;
const LOCAL_TAG =
  /\{%-?\s*(?:for\s+([A-Za-z_$][\w$]*)\s+in|assign\s+([A-Za-z_$][\w$]*)|capture\s+([A-Za-z_$][\w$]*))/g;

export function templateRefs(text: string): TemplateRef[] {
  if (!text.includes('{{')) return [];
  const locals = new Set<string>(['forloop']);
  for (const match of text.matchAll(LOCAL_TAG)) {
    const name = match[1] ?? match[2] ?? match[3];
    if (name) locals.add(name);
  }
  const refs: TemplateRef[] = [];
  for (const match of text.matchAll(EXPRESSION)) {
    const expression = match[1] ?? '';
    for (const operand of splitOperands(expression)) {
      if (operand === '' || LITERAL.test(operand)) continue;
      if (/^secrets?:/.test(operand)) {
        refs.push({ ref: operand, root: operand });
        continue;
      }
      const root = /^[A-Za-z_$][\w$-]*/.exec(operand)?.[0];
      if (!root || locals.has(root)) continue;
      refs.push({ ref: operand, root });
    }
  }
  return refs;
}

// --- internal ---

/** `a || "x" ?? b | filter: 1` → ['a', '"x"', 'b'] (Liquid filters dropped). */
function splitOperands(expression: string): string[] {
  return expression
    .split(/\|\||\?\?/)
    .map((part) => (part.split(/(?<!\|)\|(?!\|)/)[0] ?? '').trim());
}
