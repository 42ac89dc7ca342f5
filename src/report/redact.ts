import type { JsonValue } from '../errors.js';
import { mentionsCredential } from '../model/credential-fields.js';
import { replaceSecrets } from '../model/secret-patterns.js';
import type { FieldChange, FlowDiff, StepDiff } from '../plan/index.js';

/**
 * Hides secrets in anything shown (plan diffs, sync messages, JSON, CI
 * output): values of fields whose name says "secret", and literal tokens
 * wherever they appear — every shape validation flags as SECRET_LITERAL
 * (model/secret-patterns.ts, the one list). A template reference such as
 * `{{secret:NAME}}` (or `Bearer {{secret:NAME}}`) is not a secret and is kept.
 */

/** A secret-named field's value that is only references: nothing to hide. */
const ONLY_TEMPLATES = /^(?:\s*(?:Bearer|Basic|Token)?\s*\{\{[^}]+\}\}\s*)+$/;

export const REDACTED = '***';

/**
 * Replaces every registered secret (the API key, variables named like credentials) in `text`.
 * Short values are ignored to avoid mangling.
 */
export function createRedactor(): { add(value: string): void; redact(text: string): string } {
  const secrets = new Set<string>();
  return {
    add(value) {
      if (value.length >= 6) secrets.add(value);
    },
    redact(text) {
      let out = text;
      for (const secret of secrets) out = out.split(secret).join(REDACTED);
      return out;
    },
  };
}

/**
 * Replaces literal tokens inside free text (`Bearer ***`, `postgres://admin:***@db`); everything
 * else is kept.
 */
export function redactString(text: string): string {
  return replaceSecrets(text, REDACTED);
}

/**
 * Whether a field of this name holds a secret (`apiKey`, `Authorization`, `db_password`, …): the
 * same list validation uses (model/credential-fields.ts), read broadly — hiding a little too much
 * on screen is harmless, showing a key is not.
 */
export function isSecretField(key: string): boolean {
  return mentionsCredential(key);
}

/**
 * `key` is the field name the value sits under, or its whole field path
 * (`config.credentials.pass`: any secret-named segment counts). Everything
 * under a secret-named field is hidden, nested objects included.
 */
export function redactValue(value: JsonValue, key?: string): JsonValue {
  return redactIn(value, key !== undefined && key.split('.').some(isSecretField));
}

/** A FlowDiff with every before/after value and step payload redacted by its field path. */
export function redactFlowDiff(diff: FlowDiff): FlowDiff {
  return { fields: diff.fields.map(redactFieldChange), steps: diff.steps.map(redactStepDiff) };
}

export function redactFieldChange(change: FieldChange): FieldChange {
  return {
    path: change.path,
    ...(change.before === undefined ? {} : { before: redactValue(change.before, change.path) }),
    ...(change.after === undefined ? {} : { after: redactValue(change.after, change.path) }),
  };
}

// --- internal ---

function redactIn(value: JsonValue, secret: boolean): JsonValue {
  if (typeof value === 'string')
    return secret && !ONLY_TEMPLATES.test(value) ? REDACTED : redactString(value);
  if (Array.isArray(value)) return value.map((v) => redactIn(v, secret));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, redactIn(v, secret || isSecretField(k))]),
    );
  }
  return value;
}

function redactStepDiff(step: StepDiff): StepDiff {
  if (step.kind === 'changed') return { ...step, fields: step.fields.map(redactFieldChange) };
  const { config, ...rest } = step.step;
  return {
    ...step,
    step: {
      ...rest,
      ...(rest.when === undefined ? {} : { when: redactString(rest.when) }),
      config: redactValue(config) as typeof config,
    },
  };
}
