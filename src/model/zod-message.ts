import type { z } from 'zod';

/**
 * Our own zod error maps (config-errors.ts) may put a hint after this
 * separator: zod issues carry only a message, diagnostics have both.
 */
export const HINT_SEPARATOR = '\n';

/** zod's default message of a union no option of which matched (the `en` locale). */
const ZOD_UNION_DEFAULT = 'Invalid input';

/** friendlyMessage, with the hint a custom message may carry split off. */
export function friendlyIssue(issue: z.core.$ZodIssue): { message: string; hint?: string } {
  const text = friendlyMessage(issue);
  const at = text.indexOf(HINT_SEPARATOR);
  return at < 0
    ? { message: text }
    : { message: text.slice(0, at), hint: text.slice(at + HINT_SEPARATOR.length) };
}

/** A plain-language message for one zod issue (zod's defaults read like a type checker). */
export function friendlyMessage(issue: z.core.$ZodIssue): string {
  // Parsed with reportInput: an input that is there but undefined is a field that was left out.
  if ('input' in issue && issue.input === undefined && issue.code !== 'unrecognized_keys')
    return 'is required';
  switch (issue.code) {
    case 'invalid_type':
      return (
        `must be ${article(EXPECTED[issue.expected] ?? issue.expected)}, not ` +
        `${describeValue(issue.input)}`
      );
    case 'invalid_union':
      // A union with its own error map says what it expects; the unnamed ones in step configs are
      // z.json().
      if (issue.message !== ZOD_UNION_DEFAULT) return issue.message;
      const wanted =
        issue.path.length > 0
          ? 'a JSON value (string, number, boolean, null, array or plain object)'
          : 'a valid value';
      return `must be ${wanted}, not ${describeValue(issue.input)}`;
    case 'invalid_value':
      return (
        `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ` +
        `${JSON.stringify(issue.input)}`
      );
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'must not be empty';
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item(s)`;
      return (
        `must be ${issue.inclusive === false ? 'more than' : 'at least'} ` +
        `${String(issue.minimum)}, not ${String(issue.input)}`
      );
    case 'too_big':
      if (issue.origin === 'array') return `takes at most ${String(issue.maximum)} item(s)`;
      if (issue.origin === 'string') {
        const length = typeof issue.input === 'string' ? ` (it has ${issue.input.length})` : '';
        return `must be at most ${String(issue.maximum)} characters long${length}`;
      }
      return (
        `must be ${issue.inclusive === false ? 'less than' : 'at most'} ` +
        `${String(issue.maximum)}, not ${String(issue.input)}`
      );
    default:
      return issue.message;
  }
}

const EXPECTED: Record<string, string> = { record: 'object', int: 'whole number' };

/**
 * A zod issue's path as a diagnostic path (zod allows symbol keys; flows, being JSON, have none).
 */
export function zodPath(issue: z.core.$ZodIssue): (string | number)[] {
  return issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** A value as a message names it: `the string "x"`, `number 3`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return `${typeof value} ${String(value)}`;
  return typeof value;
}
