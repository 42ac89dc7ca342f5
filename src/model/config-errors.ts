import type { z } from 'zod';
import { closestMatch } from './suggest.js';
import { describeValue, friendlyIssue, HINT_SEPARATOR } from './zod-message.js';

/**
 * Messages for runtype.config.ts problems, as zod error maps on the config
 * schemas themselves: the loader turns zod issues into diagnostics
 * (zodIssuesToDiagnostics), so a message written here is what the user reads.
 * A message may carry a hint after HINT_SEPARATOR.
 */
type ErrorMap = (issue: z.core.$ZodRawIssue) => string | undefined;

const URL_EXPECTED = 'an https:// base URL such as https://api.runtype.com';

/**
 * Unknown keys of a strict object: `did you mean` the closest known field, else the list of fields.
 */
export function unknownFields(what: string, known: readonly string[]): ErrorMap {
  return (issue) => {
    if (issue.code !== 'unrecognized_keys') return undefined;
    const keys = issue.keys;
    const suggestions = keys.map((key) => closestMatch(key, known));
    const name =
      `unknown ${what} field${keys.length === 1 ? '' : 's'} ` +
      `${keys.map((k) => JSON.stringify(k)).join(', ')}`;
    const hints = keys.flatMap((key, i) =>
      suggestions[i] === undefined ? [] : [`"${suggestions[i]}" for "${key}"`],
    );
    if (keys.length === 1 && suggestions[0] !== undefined)
      return `${name}${HINT_SEPARATOR}did you mean "${suggestions[0]}"?`;
    const didYouMean = hints.length > 0 ? `did you mean ${hints.join(', ')}? ` : '';
    const taker = what === 'config' ? 'defineConfig' : `an ${what}`;
    return `${name}${HINT_SEPARATOR}${didYouMean}${taker} takes ${known.join(', ')}`;
  };
}

/**
 * An environment's `url` that is not an http(s) URL; a bare host gets its https:// form suggested.
 */
export const urlError: ErrorMap = (issue) => {
  if (issue.input === undefined) return undefined;
  const input = issue.input;
  const fixed =
    typeof input === 'string' && /^[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?(?:\/\S*)?$/i.test(input)
      ? `https://${input}`
      : undefined;
  return (
    `must be ${URL_EXPECTED} (with or without /v1), not ` +
    `${describeValue(input)}${fixed ? `${HINT_SEPARATOR}did you mean "${fixed}"?` : ''}`
  );
};

/**
 * `apiKeyEnv` names a variable; a value that is not a name is most likely the key itself, so it is
 * never echoed.
 */
export const apiKeyEnvError: ErrorMap = () =>
  `must be the name of the environment variable that holds the API key, such as ` +
  `RUNTYPE_API_KEY${HINT_SEPARATOR}Never the key itself: runtype.config.ts is committed to ` +
  `git. Put the key in that variable (or in .env).`;

/**
 * An environment is either `{ emulator: true }` or a remote `{ url, apiKeyEnv }`.
 * When neither fits, zod only knows "no option matched"; the written fields
 * tell which one was meant, so the message is about that one.
 */
export const environmentError: ErrorMap = (issue) => {
  if (issue.code !== 'invalid_union') return undefined;
  const input = issue.input;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return (
      `must be an environment, { emulator: true } or { url, apiKeyEnv }, not ` +
      `${describeValue(input)}`
    );
  }
  if ('emulator' in input) {
    const { emulator } = input;
    if (emulator !== true)
      return (
        `emulator must be true, not ` +
        `${describeValue(emulator)}${HINT_SEPARATOR}${REMOTE_EXAMPLE} Leave emulator out of a ` +
        `remote environment.`
      );
    const extra = Object.keys(input).filter((k) => k !== 'emulator' && k !== 'description');
    return (
      `an emulator environment takes only emulator and description, not ` +
      `${extra.map((k) => JSON.stringify(k)).join(', ')}${HINT_SEPARATOR}Use either { emulator: ` +
      `true } (the local emulator) or { url, apiKeyEnv } (a remote API), not both.`
    );
  }
  // No `emulator`: a remote environment was meant, so its own problems are the ones to tell.
  const remote = issue.errors[1] ?? [];
  const problems = remote.map((i) => {
    const { message, hint } = friendlyIssue(i);
    if (i.path.length === 1 && i.path[0] === 'url' && message === 'is required')
      return `url is required (${URL_EXPECTED})`;
    const suggestion = hint?.startsWith('did you mean') ? ` (${hint.replace(/\?$/, '')}?)` : '';
    return `${i.path.length === 0 ? '' : `${i.path.join('.')} `}${message}${suggestion}`;
  });
  return (
    `not a valid remote environment: ` +
    `${problems.join('; ')}${HINT_SEPARATOR}${REMOTE_EXAMPLE} For the local emulator write { ` +
    `emulator: true }.`
  );
};

// --- internal ---

const REMOTE_EXAMPLE =
  "A remote environment is { url: 'https://api.runtype.com', apiKeyEnv: 'RUNTYPE_API_KEY' }.";
