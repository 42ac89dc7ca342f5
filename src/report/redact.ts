import type { JsonValue } from '../errors.js';

/**
 * Hides secrets in anything shown (plan diffs, JSON): values of fields whose
 * name says "secret", and literal tokens wherever they appear. A template
 * reference such as `{{secret:NAME}}` is not a secret and is kept.
 */
const SECRET_FIELD = /(api[-_]?key|token|secret|password|passwd|authorization|cookie|private[-_]?key)/i;
const TOKEN = /\b(?:(?:rt|tv)_(?:live|test)_[A-Za-z0-9]{6,}|sk-(?:ant-|proj-)?[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,}|AKIA[0-9A-Z]{16}|xox[abpors]-[A-Za-z0-9-]{10,})/g;
const BEARER = /\b(Bearer\s+)(?!\{\{)([A-Za-z0-9._~+/=-]{8,})/g;
const ONLY_TEMPLATES = /^(?:\s*(?:Bearer|Basic|Token)?\s*\{\{[^}]+\}\}\s*)+$/;

export function redactString(text: string): string {
  return text.replace(TOKEN, '***').replace(BEARER, '$1***');
}

/** `key` is the field name the value sits under, when known. */
export function redactValue(value: JsonValue, key?: string): JsonValue {
  if (typeof value === 'string') {
    if (key !== undefined && SECRET_FIELD.test(key) && !ONLY_TEMPLATES.test(value)) return '***';
    return redactString(value);
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, k)]));
  }
  return value;
}

/** The last segment of a field path (`config.http.headers.Authorization` → `Authorization`). */
export function lastSegment(path: string): string {
  return path.split('.').pop() ?? path;
}
