import type { JsonValue } from '../errors.js';
import { DiagnosticCodes as C } from './diagnostic-codes.js';
import {
  isCredentialField,
  isLiteralCredential,
  isWeakCredentialField,
} from './credential-fields.js';
import { formatPath, type DiagnosticPath, type ReportDiagnostic } from './diagnostics.js';
import { matchSecretPattern, replaceSecrets } from './secret-patterns.js';

/**
 * Flows are committed to git, so a literal key in one is a leak. Two rules,
 * each match an error suggesting `{{secret:NAME}}`: a string shaped like a
 * known kind of key (secret-patterns.ts), and a literal under a field whose
 * name says it holds a credential (`X-Api-Key`, `token`, `password`, …;
 * credential-fields.ts), also as a name/value pair (`{ name:
 * 'Authorization', value: '…' }`, set-variable's `variableName`/`value`).
 * A pair's name is only weak evidence, since `{ name, value }` is also the
 * shape of a UI option list (`{ name: 'Forgot password', value: 'forgot' }`):
 * there, as under `auth` and `credential`, only a random-looking value
 * counts (a real key is long and random; the shape patterns still apply).
 *
 * `allow` is the flow's allowSecrets: an entry equal to the whole string
 * value, to the field's path as diagnostics print it
 * (`steps[0].config.http.url`), or to the secret-looking literal itself
 * inside a longer value (`Bearer <that literal>`), lets the flow keep a known
 * false positive. Only exact values and paths: a broad pattern would also let
 * the next real key through.
 */
export function checkSecrets(
  value: JsonValue,
  allow: readonly string[],
  report: ReportDiagnostic,
): void {
  const allowed = new Set(allow);
  const used = new Set<string>();
  const path: DiagnosticPath = [];
  // Field names repeat (every prompt has a userPrompt): classify each once per flow.
  const kinds = new Map<string, FieldKind>();
  const kindOf = (field: string): FieldKind => {
    let kind = kinds.get(field);
    if (kind === undefined)
      kinds.set(
        field,
        (kind = isCredentialField(field)
          ? 'strong'
          : isWeakCredentialField(field)
            ? 'weak'
            : 'none'),
      );
    return kind;
  };
  const visit = (v: JsonValue, field: string | undefined, pair = false): void => {
    if (typeof v === 'string') {
      const kind = field === undefined ? 'none' : kindOf(field);
      const label =
        matchSecretPattern(v) ??
        credentialLabel(v, field, pair && kind === 'strong' ? 'weak' : kind);
      if (label === undefined) return;
      const at = formatPath(path);
      // The allow-list itself holds the allowed values: listing one is not a leak.
      if (path[0] === 'allowSecrets' && allowed.has(v)) return;
      const labelOf = (text: string) =>
        matchSecretPattern(text) ??
        credentialLabel(text, field, pair && kind === 'strong' ? 'weak' : kind);
      const entry = allowed.has(v) ? v : allowed.has(at) ? at : listedLiteral(v, allow, labelOf);
      if (entry !== undefined) {
        used.add(entry);
        return;
      }
      report({
        severity: 'error',
        code: C.SECRET_LITERAL,
        message:
          `this looks like ${label}; flows are committed to git, so secrets must not be ` +
          `written in them`,
        path: [...path],
        hint:
          `Store it as a Runtype secret and write {{secret:NAME}} instead. If it is not a ` +
          `secret, add the value or "${at}" to this flow's allowSecrets.`,
      });
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      // Items of a list are under the list's field: `apiKeys: ['…']`.
      v.forEach((item, index) => {
        path.push(index);
        visit(item, field, pair);
        path.pop();
      });
      return;
    }
    const pairName = namedValue(v);
    // One path stack, pushed and popped: no array is allocated per value on the (common) clean
    // path.
    for (const [k, item] of Object.entries(v)) {
      path.push(k);
      if (k === 'value' && pairName !== undefined) visit(item, pairName, true);
      else visit(item, k);
      path.pop();
    }
  };
  visit(value, undefined);
  allow.forEach((entry, index) => {
    if (used.has(entry)) return;
    report({
      severity: 'warning',
      code: C.SECRET_ALLOW_UNUSED,
      message: `allowSecrets entry ${describeEntry(entry)} allows nothing in this flow`,
      path: ['allowSecrets', index],
      hint:
        'Remove it; or, if it is a path, update it to where the value is now (paths are as ' +
        'diagnostics print them).',
    });
  });
}

// --- internal ---

/** The entry that is the flagged literal inside `value`, when nothing else in it is flagged. */
function listedLiteral(
  value: string,
  allow: readonly string[],
  labelOf: (text: string) => string | undefined,
): string | undefined {
  for (const entry of allow) {
    if (entry.length < MIN_LISTED_LITERAL || !containsToken(value, entry)) continue;
    if (labelOf(value.split(entry).join(' ')) === undefined) return entry;
  }
  return undefined;
}

/** Shorter entries inside a value would allow too much (a word, a prefix). */
const MIN_LISTED_LITERAL = 12;

/** `token` stands in `value` as a whole token: a prefix of a longer key allows nothing. */
function containsToken(value: string, token: string): boolean {
  const isTokenChar = (char: string | undefined) => char !== undefined && /[\w-]/.test(char);
  for (let at = value.indexOf(token); at !== -1; at = value.indexOf(token, at + 1)) {
    if (!isTokenChar(value[at - 1]) && !isTokenChar(value[at + token.length])) return true;
  }
  return false;
}

/** An entry may be the secret itself (an allowed literal): never echo one that looks like it. */
function describeEntry(entry: string): string {
  if (replaceSecrets(entry, '***') !== entry)
    return '*** (a literal that looks like a secret; not shown)';
  return JSON.stringify(entry.length > 40 ? `${entry.slice(0, 12)}…` : entry);
}

type FieldKind = 'strong' | 'weak' | 'none';

function credentialLabel(
  value: string,
  field: string | undefined,
  kind: FieldKind,
): string | undefined {
  if (kind === 'none') return undefined;
  return isLiteralCredential(value, kind === 'weak')
    ? `a literal credential under "${field}"`
    : undefined;
}

/**
 * `{ name: 'Authorization', value: '…' }` and set-variable's `{ variableName: 'api_key', value: '…'
 * }`: the name the value belongs to.
 */
function namedValue(object: { [key: string]: JsonValue }): string | undefined {
  if (typeof object.value !== 'string') return undefined;
  for (const key of ['name', 'key', 'header', 'variableName']) {
    const name = object[key];
    if (typeof name === 'string') return name;
  }
  return undefined;
}
