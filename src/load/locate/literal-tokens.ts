/**
 * A small tokenizer for the plain modules flows are written as: strings, numbers, names,
 * punctuation; comments skipped. It gives up (undefined) on what it cannot read without a real
 * parser — a template with `${`, a `/` that is not a comment (division or a regular
 * expression), an unterminated string — so that its caller can hand the file to TypeScript.
 */
export interface Token {
  kind: 'string' | 'number' | 'name' | 'punct';
  /** Offsets in the text: `[start, end)`. */
  start: number;
  end: number;
  /** The source text (quotes included for strings). */
  text: string;
}

export function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: Token['kind'], start: number, end: number): void => {
    tokens.push({ kind, start, end, text: text.slice(start, end) });
  };
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i += 1;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) return undefined;
      i = end + 2;
    } else if (c === '"' || c === "'" || c === '`') {
      const end = stringEnd(text, i);
      if (end === undefined) return undefined;
      push('string', i, end);
      i = end;
    } else if (/[0-9]/.test(c)) {
      const end = matchAt(text, i, /[0-9][0-9a-zA-Z_.]*/y);
      push('number', i, end);
      i = end;
    } else if (/[\p{ID_Start}$_]/u.test(c)) {
      const end = matchAt(text, i, /[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/uy);
      push('name', i, end);
      i = end;
    } else if (c === '/' || c === '\\' || c === '#' || c === '@') {
      // Division, a regular expression, an escape in a name, a private name, a decorator.
      return undefined;
    } else {
      const end = text.startsWith('...', i) ? i + 3 : i + 1;
      push('punct', i, end);
      i = end;
    }
  }
  return tokens;
}

/** The string value of a string token, when it has no escapes (else undefined: not sure). */
export function stringValue(token: Token): string | undefined {
  if (token.kind !== 'string' || token.text.includes('\\')) return undefined;
  return token.text.slice(1, -1);
}

// --- internal ---

/** End offset of the string or template starting at `start`; undefined for `${` or no end. */
function stringEnd(text: string, start: number): number | undefined {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\') i += 1;
    else if (c === quote) return i + 1;
    else if (quote === '`' && c === '$' && text[i + 1] === '{') return undefined;
    else if (quote !== '`' && c === '\n') return undefined;
  }
  return undefined;
}

function matchAt(text: string, at: number, sticky: RegExp): number {
  sticky.lastIndex = at;
  sticky.exec(text);
  return sticky.lastIndex || at + 1;
}
