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

/**
 * Flows are committed to git, so a literal key in one is a leak. Each match
 * is an error suggesting `{{secret:NAME}}`; `allowSecrets` (field paths or
 * the literal values) lets a flow keep a known false positive.
 */
export function checkSecrets(value: JsonValue, allow: readonly string[], report: Report): void {
  const allowed = new Set(allow);
  const visit = (v: JsonValue, path: Path): void => {
    if (typeof v === 'string') {
      if (allowed.has(v) || allowed.has(formatPath(path))) return;
      const hit = SECRET_PATTERNS.find(({ pattern }) => pattern.test(v));
      if (hit) {
        report({
          severity: 'error',
          code: C.SECRET_LITERAL,
          message: `this looks like ${hit.label}; flows are committed to git, so secrets must not be written in them`,
          path,
          hint: `Store it as a Runtype secret and write {{secret:NAME}} instead. If it is not a secret, add "${formatPath(path)}" to this flow's allowSecrets.`,
        });
      }
    } else if (Array.isArray(v)) v.forEach((item, i) => visit(item, [...path, i]));
    else if (v !== null && typeof v === 'object') for (const [k, item] of Object.entries(v)) visit(item, [...path, k]);
  };
  visit(value, []);
}
