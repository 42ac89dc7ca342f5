import { looksRandom } from './credential-fields.js';

interface SecretPattern {
  label: string;
  pattern: RegExp;
  /**
   * A second look at the match, for patterns that prose or a hash can also match ("Bearer
   * authentication").
   */
  accept?: (match: string) => boolean;
  /**
   * A cheap test a string must pass before an expensive pattern runs at all (it then stays out of
   * ANY_SECRET).
   */
  when?: RegExp;
  /** What ANY_SECRET looks for instead of `pattern`: a cheaper superset of its matches. */
  prefilter?: RegExp;
  /**
   * The start of a match that replaceSecrets leaves visible (`Bearer `, `postgres://admin:`,
   * `?api_key=`).
   */
  keep?: RegExp;
  /**
   * What replaceSecrets masks instead of `pattern`: a private key's whole block, a password in a
   * URL whatever its scheme.
   */
  extent?: RegExp;
}

/** `Bearer ` / `Basic `: what a token is written after. */
const SCHEME = /^\S+\s+/;

/**
 * Literal credentials that must never be committed, found by their shape
 * wherever they are written (prompts, URLs, scripts, headers). Templates
 * (`{{secret:X}}`) never match. Ordered: the first that matches names it.
 */
const SECRET_PATTERNS: SecretPattern[] = [
  { label: 'a Runtype API key', pattern: /\b(?:rt|tv)_(?:live|test)_[A-Za-z0-9_]{8,}/ },
  { label: 'an Anthropic API key', pattern: /\bsk-ant-[A-Za-z0-9_-]{16,}/ },
  // A digit is required: real keys are random, `sk-learn-random-forest` is prose.
  {
    label: 'an OpenAI-style API key',
    pattern: /\bsk-(?:proj-)?(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{20,}/,
  },
  {
    label: 'a GitHub token',
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/,
  },
  { label: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { label: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { label: 'a Hugging Face token', pattern: /\bhf_[A-Za-z0-9]{30,}/ },
  { label: 'a SendGrid API key', pattern: /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/ },
  // Before the key id: a string holding both is most of all a leaked secret.
  // Any 40-character run is costly to look for in every prompt, hence `when`: a key id or the word
  // AWS in the same string.
  {
    label: 'an AWS secret access key',
    pattern: /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/,
    accept: mixedCase,
    when: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\baws\b/i,
  },
  { label: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { label: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/ },
  {
    label: 'a Slack token',
    pattern: /\b(?:xox[abeoprs]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{10,})/,
  },
  // The URL is the credential: anyone holding it can post to the channel.
  {
    label: 'a Slack webhook URL',
    pattern: /\bhooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{16,}/,
    keep: /^[^/]+\/[^/]+\//,
  },
  {
    label: 'a Discord webhook URL',
    pattern: /\bdiscord(?:app)?\.com\/api\/webhooks\/\d+\/[A-Za-z0-9_-]{16,}/,
    keep: /^.*?webhooks\//,
  },
  // Secret and restricted keys, live and test (a test key still reads and writes test-mode data);
  // pk_ keys are public.
  { label: 'a Stripe secret key', pattern: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/ },
  { label: 'a Stripe webhook secret', pattern: /\bwhsec_[A-Za-z0-9]{24,}/ },
  {
    label: 'a private key',
    pattern: /-----BEGIN (?:[A-Z ]+ )?PRIVATE KEY-----/,
    extent:
      /-----BEGIN (?:[A-Z ]+ )?PRIVATE KEY-----[\s\S]*?(?:-----END (?:[A-Z ]+ )?PRIVATE KEY-----|$)/,
  },
  {
    label: 'a JSON Web Token',
    pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/,
  },
  // A token written after the scheme, not a {{template}} (which the API fills in from a secret).
  {
    label: 'a literal bearer token',
    pattern: /\bbearer\s+(?!\{\{)[A-Za-z0-9._~+/=-]{12,}/i,
    accept: (m) => looksRandom(afterScheme(m)),
    keep: SCHEME,
  },
  {
    label: 'literal basic-auth credentials',
    pattern: /\bbasic\s+(?!\{\{)[A-Za-z0-9+/]{12,}={0,2}(?![A-Za-z0-9+/=])/i,
    accept: (m) => looksRandom(afterScheme(m)),
    keep: SCHEME,
  },
  // Scanning for a scheme at every word is most of the cost of ANY_SECRET; `://user:pass@` alone is
  // cheap.
  {
    label: 'a password in a URL',
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@{}]+:[^\s/@{}]{3,}@/i,
    prefilter: /:\/\/[^\s/:@{}]+:[^\s/@{}]{3,}@/,
    // Masking needs no scheme: `://user:` stays, the password goes.
    extent: /:\/\/[^\s/:@{}]+:[^\s/@{}]{3,}(?=@)/,
    keep: /^:\/\/[^:]+:/,
  },
  {
    label: 'a key in a URL query',
    pattern:
      /[?&](?:api[_-]?key|access[_-]?token|auth[_-]?token|client[_-]?secret|secret|password|token)=(?!\{\{)[^&#\s{]{8,}/i,
    keep: /^[^=]+=/,
  },
];

/** Every ungated pattern at once: one test per string, the per-pattern search only on a hit. */
const ANY_SECRET = new RegExp(
  SECRET_PATTERNS.filter(({ when }) => when === undefined)
    .map(({ pattern, prefilter }) => `(?:${(prefilter ?? pattern).source})`)
    .join('|'),
  'i',
);
const GATES = SECRET_PATTERNS.flatMap(({ when }) => (when === undefined ? [] : [when]));

/** The label of the first secret pattern a string matches, if any. */
export function matchSecretPattern(value: string): string | undefined {
  const hit = ANY_SECRET.test(value);
  return SECRET_PATTERNS.find(({ pattern, accept, when }) => {
    if (when === undefined ? !hit : !when.test(value)) return false;
    const match = pattern.exec(value);
    return match !== null && (accept === undefined || accept(match[0]));
  })?.label;
}

/**
 * `text` with every match of every pattern replaced by `mask` (what display
 * redaction shows), a scheme or the URL around a credential kept readable:
 * `Bearer ***`, `postgres://admin:***@db`, `?api_key=***`. Each pattern
 * scans on its own: an alternation of them all is slower (it defeats the
 * engine's search for each literal prefix) and a match of one could hide a
 * match of another starting inside it. Templates never match, so
 * `{{secret:NAME}}` stays visible.
 */
export function replaceSecrets(text: string, mask: string): string {
  // Most printed strings are short and hold nothing: one combined test settles them. On long
  // strings the combined test costs more than the per-pattern scans it would save.
  if (text.length < SHORT && !ANY_SECRET.test(text) && !GATES.some((when) => when.test(text)))
    return text;
  let out = text;
  for (const { global, when, accept, keep } of MASKS) {
    if (when !== undefined && !when.test(out)) continue;
    out = out.replace(global, (match) =>
      accept !== undefined && !accept(match) ? match : `${keep?.exec(match)?.[0] ?? ''}${mask}`,
    );
  }
  return out;
}

// --- internal ---

const SHORT = 1024;
const MASKS = SECRET_PATTERNS.map((p) => ({
  ...p,
  global: new RegExp((p.extent ?? p.pattern).source, `${p.pattern.flags}g`),
}));

function afterScheme(match: string): string {
  return match.replace(SCHEME, '');
}

/**
 * 40 base64 characters are an AWS secret access key only in context (a hash
 * or an id can be 40 characters too): the `when` of its pattern, and the mix
 * of cases and digits of a random key.
 */
function mixedCase(match: string): boolean {
  return /\d/.test(match) && /[a-z]/.test(match) && /[A-Z]/.test(match);
}
