import type { JsonValue } from '../errors.js';
import { DiagnosticCodes as C } from './diagnostic-codes.js';
import { formatPath, type DiagnosticPath, type ReportDiagnostic } from './diagnostics.js';

interface SecretPattern {
  label: string;
  pattern: RegExp;
  /** A second look at the match, for patterns that prose can also match ("Bearer authentication"). */
  accept?: (match: string) => boolean;
}

/** Literal credentials that must never be committed. Templates (`{{secret:X}}`) never match. */
const SECRET_PATTERNS: SecretPattern[] = [
  { label: 'a Runtype API key', pattern: /\b(?:rt|tv)_(?:live|test)_[A-Za-z0-9_]{8,}/ },
  { label: 'an Anthropic API key', pattern: /\bsk-ant-[A-Za-z0-9_-]{16,}/ },
  // A digit is required: real keys are random, `sk-learn-random-forest` is prose.
  { label: 'an OpenAI-style API key', pattern: /\bsk-(?:proj-)?(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{20,}/ },
  { label: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/ },
  { label: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { label: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/ },
  { label: 'a Slack token', pattern: /\bxox[abpors]-[A-Za-z0-9-]{10,}/ },
  { label: 'a Stripe secret key', pattern: /\b(?:sk|rk)_live_[A-Za-z0-9]{16,}/ },
  { label: 'a private key', pattern: /-----BEGIN (?:[A-Z ]+ )?PRIVATE KEY-----/ },
  { label: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
  // A token written after the scheme, not a {{template}} (which the API fills in from a secret).
  { label: 'a literal bearer token', pattern: /\bbearer\s+(?!\{\{)[A-Za-z0-9._~+/=-]{12,}/i, accept: looksRandom },
  { label: 'literal basic-auth credentials', pattern: /\bbasic\s+(?!\{\{)[A-Za-z0-9+/]{12,}={0,2}(?![A-Za-z0-9+/=])/i, accept: looksRandom },
  { label: 'a password in a URL', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@{}]+:[^\s/@{}]{3,}@/i },
  { label: 'a key in a URL query', pattern: /[?&](?:api[_-]?key|access[_-]?token|auth[_-]?token|client[_-]?secret|secret|password|token)=(?!\{\{)[^&#\s{]{8,}/i },
];

/** Every pattern at once: one test per string, the per-pattern search only on a hit. */
const ANY_SECRET = new RegExp(SECRET_PATTERNS.map(({ pattern }) => `(?:${pattern.source})`).join('|'), 'i');

/**
 * Flows are committed to git, so a literal key in one is a leak. Each match
 * is an error suggesting `{{secret:NAME}}`. `allow` is the flow's
 * allowSecrets: an entry equal to the whole string value, or to the field's
 * path as diagnostics print it (`steps[0].config.http.url`), lets the flow
 * keep a known false positive. Only whole values and exact paths: a broad
 * pattern would also let the next real key through.
 */
export function checkSecrets(value: JsonValue, allow: readonly string[], report: ReportDiagnostic): void {
  const allowed = new Set(allow);
  const used = new Set<string>();
  const path: DiagnosticPath = [];
  const visit = (v: JsonValue): void => {
    if (typeof v === 'string') {
      if (!ANY_SECRET.test(v)) return;
      const hit = SECRET_PATTERNS.find(({ pattern, accept }) => {
        const match = pattern.exec(v);
        return match !== null && (accept === undefined || accept(match[0]));
      });
      if (!hit) return;
      const at = formatPath(path);
      // The allow-list itself holds the allowed values: listing one is not a leak.
      if (path[0] === 'allowSecrets' && allowed.has(v)) return;
      const entry = allowed.has(v) ? v : allowed.has(at) ? at : undefined;
      if (entry !== undefined) {
        used.add(entry);
        return;
      }
      report({
        severity: 'error',
        code: C.SECRET_LITERAL,
        message: `this looks like ${hit.label}; flows are committed to git, so secrets must not be written in them`,
        path: [...path],
        hint: `Store it as a Runtype secret and write {{secret:NAME}} instead. If it is not a secret, add the value or "${at}" to this flow's allowSecrets.`,
      });
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
  allow.forEach((entry, index) => {
    if (used.has(entry)) return;
    report({
      severity: 'warning',
      code: C.SECRET_ALLOW_UNUSED,
      message: `allowSecrets entry ${JSON.stringify(entry.length > 40 ? `${entry.slice(0, 12)}…` : entry)} allows nothing in this flow`,
      path: ['allowSecrets', index],
      hint: 'Remove it; or, if it is a path, update it to where the value is now (paths are as diagnostics print them).',
    });
  });
}

// --- internal ---

/** A token, not a word: it has a digit, or an upper-case letter after its first character. */
function looksRandom(match: string): boolean {
  const token = match.replace(/^\S+\s+/, '');
  return /\d/.test(token) || (/^.+[A-Z]/.test(token.replace(/[^A-Za-z]/g, '')) && /[a-z]/.test(token));
}
