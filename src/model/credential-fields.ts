/**
 * Field names that hold credentials, one list for two uses:
 *
 * - isCredentialField (validation, narrow): the name *ends* in a credential
 *   term (`apiKey`, `X-Api-Key`, `x-auth-token`, `client_secret`,
 *   `aws_secret_access_key`, `Authorization`, `password`), so its value is
 *   the credential itself. `maxTokens`, `tokenizer`, `tokenUrl`,
 *   `secretName`, `passwordHint`, `pageToken`, a special-token setting
 *   (`stopToken`, `eos_token`) and a plain `key` are not.
 * - isWeakCredentialField (validation): `auth` and `credential(s)` also name
 *   a mode or a stored credential (`auth: 'oauth2'`, `credential:
 *   'slack-prod'`): their values count only when they look random.
 * - mentionsCredential (display redaction, broad): the name mentions a term
 *   anywhere (`secretSettings`, `apiKeys`, `credentials`), or is `auth`:
 *   hiding a little too much is harmless there, showing a key is not.
 *
 * Names are compared as lower-case words joined by `_` (`X-Api-Key` →
 * `x_api_key`, `clientSecret` → `client_secret`), so header names, camelCase
 * and snake_case all match.
 */
const TERMS = [
  'api_?keys?',
  '(?:secret|private|access|client|subscription|signing|encryption|master)_?key',
  'token',
  'secret',
  'passw(?:or)?d',
  'passphrase',
  'authorization',
  'cookie',
].join('|');

const CREDENTIAL_NAME = new RegExp(`(?:^|_)(?:${TERMS})$`);
/**
 * Tokens that are not credentials: pagination cursors (`nextPageToken`), and
 * the special tokens of a tokenizer or a model (`stopToken: 'END'`,
 * `eos_token: '</s>'`, `padToken`, `delimiterToken`, `outputToken`), whose
 * values are marker strings. `bot`, `user`, `app`, `id`, `access` and
 * `refresh` tokens are credentials and stay out of this list.
 */
const NOT_A_CREDENTIAL = new RegExp(
  `(?:^|_)(?:${[
    'page|next|prev|previous|continuation|cursor|pagination|sync',
    'stop|eos|bos|eot|eom|eog|end|start|begin|pad|sep|separator|delimiter|special|unk|unknown|mask|cls|output|input|prefix|suffix|middle|fim|newline',
  ].join('|')})_?token$`,
);
const WEAK_NAME = /^auth$|(?:^|_)credentials?$/;
const MAY_MENTION = /key|token|secret|passw|passphrase|authoriz|credential|cookie/i;
// `token(?!s|izer)`: model settings such as maxTokens / max_tokens / tokenizer stay visible.
const MENTIONS_CREDENTIAL = new RegExp(
  `(?:${TERMS.replace('token', 'token(?!s|izer)')})|credential|^auth$`,
);

/** A field whose value is the credential itself (`X-Api-Key`, `token`, `password`, …). */
export function isCredentialField(name: string): boolean {
  // Most names mention no term at all: one cheap test before splitting them into words.
  if (!MAY_MENTION.test(name)) return false;
  const n = normalizeName(name);
  return CREDENTIAL_NAME.test(n) && !NOT_A_CREDENTIAL.test(n);
}

/**
 * `auth` is also a mode or a scheme name (`auth: 'oauth2'`), and
 * `credential(s)` often names a credential stored elsewhere (`credential:
 * 'slack-prod'`, `credentials: ['openai']`): their values count only when
 * they look random.
 */
export function isWeakCredentialField(name: string): boolean {
  return WEAK_NAME.test(normalizeName(name));
}

/**
 * A field whose value is hidden when shown (plan diffs, JSON, CI output): any mention of a
 * credential.
 */
export function mentionsCredential(name: string): boolean {
  return MENTIONS_CREDENTIAL.test(normalizeName(name));
}

/**
 * Whether a string under a credential field is a literal credential: not a
 * template (`{{secret:NAME}}`, `Bearer {{api_token}}`), not empty, and not an
 * obvious placeholder (`xxx`, `<your-key>`, `your-api-key`, `changeme`,
 * `${API_KEY}`, `OPENAI_API_KEY` as a name, `sk-...`). Anything else is
 * taken at its word: the field says it is a credential, and a false positive
 * has its way out (allowSecrets). A weak field (`auth`, `credential`, the
 * name of a `{ name, value }` pair) needs a random-looking value.
 */
export function isLiteralCredential(value: string, weak = false): boolean {
  // Templates are filled in at run time from inputs or secrets; what is left around them is the
  // literal part.
  const literal = value
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .trim()
    .replace(/^(?:bearer|basic|token|digest|apikey|key)(?:\s+|$)/i, '')
    .trim();
  if (literal === '' || isPlaceholder(literal)) return false;
  // A sentence under a credential field is an explanation, not a key (a passphrase of four words
  // still counts).
  if (literal.split(/\s+/).length >= 5) return false;
  return !weak || (literal.length >= 12 && !/\s/.test(literal) && looksRandom(literal));
}

/** A token, not a word: it has a digit, or an upper-case letter after its first character. */
export function looksRandom(token: string): boolean {
  return (
    /\d/.test(token) || (/^.+[A-Z]/.test(token.replace(/[^A-Za-z]/g, '')) && /[a-z]/.test(token))
  );
}

// --- internal ---

const PLACEHOLDER_WORDS =
  /^(?:secret|password|passwd|token|key|api[-_ ]?key|test|testing|none|null|nil|undefined|empty|redacted|hidden|masked|n\/a|na|tbd|todo|fixme|changeme|change[-_ ]?me|replace[-_ ]?me|placeholder|dummy|fake|example|sample|demo|required|optional|inherit|default|auto|bearer|basic|oauth2?|header|query)$/i;

function isPlaceholder(literal: string): boolean {
  return (
    PLACEHOLDER_WORDS.test(literal) ||
    /^(.)\1*$/.test(literal) || // xxx, ****, 0000
    /^[<[(].*[>\])]$/.test(literal) || // <your-key>, [API KEY]
    /(?:\.\.\.|…)$/.test(literal) || // sk-... as docs abbreviate keys
    // $API_KEY, ${API_KEY}, %API_KEY%
    /^(?:\$\{?|%)[A-Za-z_][A-Za-z0-9_]*(?:\}|%)?$/.test(literal) ||
    /^process\.env\.[A-Za-z_][A-Za-z0-9_]*$/.test(literal) ||
    // OPENAI_API_KEY: the name of a secret, not its value
    /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(literal) ||
    // your-api-key, enter_your_token; `my_…`/`the_…` alone are not placeholders (`my_db_pass_2024`
    // is a password).
    /^(?:(?:insert|enter|put|paste|add)[-_ ](?:your|my|the|an?)|your)[-_ ]/i.test(literal) ||
    // api-key-here, token_placeholder
    /(?:^|[-_ ])(?:here|placeholder|changeme|example|dummy|fake)$/i.test(literal) ||
    /^x{3,}[-_]/i.test(literal) // xxx-xxx
  );
}

function normalizeName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .join('_');
}
