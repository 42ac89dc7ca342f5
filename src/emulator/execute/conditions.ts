/**
 * `when` and a conditional's `condition`: JavaScript expressions in which `{{…}}` references
 * are replaced before evaluation — inside a string literal by the value's text
 * (`"{{status}}" == "active"`), elsewhere by the value as a JS literal
 * (`{{_record.priority}} == "urgent"` → `"urgent" == "urgent"`); an unresolved reference is
 * `undefined`. Bare names are variables too (`score > 5`). The expression runs in the script
 * sandbox, bounded like a transform-data script.
 */
import type { RunContext } from './run-context.js';
import { runScript } from './run-script.js';
import { evaluateExpression, renderValue } from './template.js';
import type { Lookup } from './template.js';

export interface Evaluated {
  value: boolean;
  /** The expression as evaluated (references substituted). */
  expression: string;
}

export async function evaluateCondition(
  source: string,
  what: string,
  ctx: RunContext,
): Promise<Evaluated> {
  const expression = substitute(source, ctx.variables.lookup);
  const { value } = await runScript(
    ctx,
    `return (${expression}\n);`,
    what,
    `${what} (${expression})`,
  );
  return { value: Boolean(value), expression };
}

/** The expression with every `{{…}}` replaced (see the file comment). */
export function substitute(source: string, lookup: Lookup): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '{' && source[i + 1] === '{') {
      const end = source.indexOf('}}', i + 2);
      if (end !== -1) {
        const result = evaluateExpression(source.slice(i + 2, end).trim(), lookup);
        out += quote === null ? jsLiteral(result) : inString(renderValue(result.value), quote);
        i = end + 1;
        continue;
      }
    }
    out += c;
    if (quote !== null) {
      if (c === '\\') out += source[++i] ?? '';
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
  }
  return out;
}

// --- internal ---

function jsLiteral(result: { found: boolean; value?: unknown }): string {
  if (!result.found || result.value === undefined) return 'undefined';
  return JSON.stringify(result.value) ?? 'undefined';
}

function inString(text: string, quote: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  if (quote === '`') return escaped.replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  return escaped.replaceAll(quote, `\\${quote}`);
}
