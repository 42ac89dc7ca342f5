import type { JsonValue } from '../errors.js';
import type { Diagnostic } from './diagnostics.js';
import { formatPath } from './diagnostics.js';
import { DiagnosticCodes as C } from './diagnostic-codes.js';

type Path = (string | number)[];
type Report = (d: Omit<Diagnostic, 'file' | 'flowKey'>) => void;

/** Literal credentials that must never be committed. Templates (`{{secret:X}}`) never match. */
const SECRET_PATTERNS: { label: string; pattern: RegExp }[] = [
  { label: 'a Runtype API key', pattern: /\b(?:rt|tv)_(?:live|test)_[A-Za-z0-9]{8,}/ },
  { label: 'an Anthropic API key', pattern: /\bsk-ant-[A-Za-z0-9_-]{16,}/ },
  { label: 'an OpenAI-style API key', pattern: /\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}/ },
  { label: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/ },
  { label: 'an AWS access key id', pattern: /\bAKIA[0-9A-Z]{16}\b/ },
  { label: 'a Slack token', pattern: /\bxox[abpors]-[A-Za-z0-9-]{10,}/ },
  { label: 'a Stripe secret key', pattern: /\b(?:sk|rk)_live_[A-Za-z0-9]{16,}/ },
  { label: 'a private key', pattern: /-----BEGIN (?:[A-Z ]+ )?PRIVATE KEY-----/ },
  { label: 'a literal bearer token', pattern: /\bBearer\s+(?!\{\{)[A-Za-z0-9._~+/=-]{16,}/ },
  { label: 'a password in a URL', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@{}]+:[^\s/@{}]{3,}@/i },
];

/** Every pattern at once: one test per string, the per-pattern search only on a hit. */
const ANY_SECRET = new RegExp(SECRET_PATTERNS.map(({ pattern }) => `(?:${pattern.source})`).join('|'), 'i');

/**
 * Flows are committed to git, so a literal key in one is a leak. Each match
 * is an error suggesting `{{secret:NAME}}`; `allowSecrets` (field paths or
 * the literal values) lets a flow keep a known false positive.
 */
export function checkSecrets(value: JsonValue, allow: readonly string[], report: Report): void {
  const allowed = new Set(allow);
  const path: Path = [];
  const visit = (v: JsonValue): void => {
    if (typeof v === 'string') {
      if (!ANY_SECRET.test(v) || allowed.has(v) || allowed.has(formatPath(path))) return;
      const hit = SECRET_PATTERNS.find(({ pattern }) => pattern.test(v));
      if (hit) {
        report({
          severity: 'error',
          code: C.SECRET_LITERAL,
          message: `this looks like ${hit.label}; flows are committed to git, so secrets must not be written in them`,
          path: [...path],
          hint: `Store it as a Runtype secret and write {{secret:NAME}} instead. If it is not a secret, add "${formatPath(path)}" to this flow's allowSecrets.`,
        });
      }
      return;
    }
    if (v === null || typeof v !== 'object') return;
    // One path stack, pushed and popped: no array is allocated per value on the (common) clean path.
    for (const [k, item] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
      path.push(k);
      visit(item);
      path.pop();
    }
  };
  visit(value);
}
