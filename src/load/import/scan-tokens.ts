import { createRequire } from 'node:module';

/** Half-open source ranges `[start, end)`. */
export interface SourceRange {
  start: number;
  end: number;
}

/**
 * Real `import.meta` expressions of a module (not the text inside a string,
 * template or comment), found with sucrase's own tokenizer. Only called when
 * the text occurs at all, so ordinary modules are not tokenized twice.
 */
export function findImportMeta(source: string, typescript: boolean): SourceRange[] {
  const tokens = tokenize(source, typescript);
  const out: SourceRange[] = [];
  for (let i = 0; i + 2 < tokens.length; i += 1) {
    const [a, dot, meta] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (text(source, a) === 'import' && text(source, dot) === '.' && text(source, meta) === 'meta')
      out.push({ start: a.start, end: meta.end });
  }
  return out;
}

/** Start offsets of every top-level `export default` (ESM allows one; sucrase accepts several). */
export function findDefaultExports(source: string, typescript: boolean): number[] {
  const tokens = tokenize(source, typescript);
  const out: number[] = [];
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const [exp, dflt] = [tokens[i]!, tokens[i + 1]!];
    if (
      exp.scopeDepth === 0 &&
      !exp.isType &&
      text(source, exp) === 'export' &&
      text(source, dflt) === 'default'
    )
      out.push(exp.start);
  }
  return out;
}

// --- internal ---

interface Token {
  start: number;
  end: number;
  scopeDepth: number;
  isType: boolean;
}

type Parse = (
  input: string,
  jsx: boolean,
  typescript: boolean,
  flow: boolean,
) => { tokens: Token[] };

let parse: Parse | undefined;

/**
 * sucrase's parser is not a documented entry point, but it is the one the transform itself uses
 * (pinned ^3).
 */
function tokenize(source: string, typescript: boolean): Token[] {
  parse ??= (createRequire(import.meta.url)('sucrase/dist/parser') as { parse: Parse }).parse;
  return parse(source, false, typescript, false).tokens;
}

function text(source: string, token: Token): string {
  return source.slice(token.start, token.end);
}
