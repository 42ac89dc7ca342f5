/**
 * A string as a person would write it in a flow module: single quotes
 * (double when that saves escapes, as prettier does), and a template literal
 * for text that spans lines, so a multi-line prompt reads as prose. Unicode
 * is kept as it is; only what the syntax needs is escaped.
 */
export function stringLiteral(text: string): string {
  if (text.includes('\n')) return templateLiteral(text);
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  return quote + escapeCommon(text).replaceAll(quote, `\\${quote}`) + quote;
}

/** Whether `stringLiteral` spans lines (the surrounding layout then breaks too). */
export function isMultiLine(text: string): boolean {
  return text.includes('\n');
}

/** A property name: bare when it is an identifier, quoted otherwise. */
export function propertyKey(key: string): string {
  // `__proto__` written as a plain key sets the prototype instead of a property.
  if (key === '__proto__') return `['__proto__']`;
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

// --- internal ---

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Backticks, `${` and backslashes would change the value; a carriage return
 * would be read back as a newline (template literals normalise line ends).
 */
function templateLiteral(text: string): string {
  const body = text
    .replaceAll('\\', '\\\\')
    .replaceAll('`', '\\`')
    .replaceAll('${', '\\${')
    .replaceAll('\r', '\\r')
    .replace(CONTROL_EXCEPT_NEWLINE_TAB, escapeControl);
  return `\`${body}\``;
}

const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/g;
const CONTROL_EXCEPT_NEWLINE_TAB = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

function escapeCommon(text: string): string {
  return text.replaceAll('\\', '\\\\').replace(CONTROL, escapeControl);
}

function escapeControl(char: string): string {
  const named: Record<string, string> = {
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\b': '\\b',
    '\f': '\\f',
    '\v': '\\v',
  };
  return named[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
