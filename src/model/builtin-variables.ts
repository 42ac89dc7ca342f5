import { closestMatch } from './suggest.js';

/**
 * Variables Runtype provides itself (runtype-api.md §00 and §5): system
 * variables prefixed with `_` (`_flow.name`, `_flow.id`, `_execution.id`,
 * `_execution.timestamp` and `_user.id` are in the OpenAPI document's
 * examples), managed secrets `{{secret:NAME}}`, per-dispatch `{{secrets.x}}`,
 * and the chat variables of conversational flows. The docs say the list of
 * system variables is incomplete, so an undocumented `_x` is only a warning —
 * unless it is a typo of a documented one.
 */
export const SYSTEM_VARIABLES = [
  '_record',
  '_schedule',
  '_agent',
  '_user',
  '_flow',
  '_execution',
] as const;
const OTHER_BUILT_INS = new Set(['secrets', 'messages', 'user_message']);

export type BuiltinVerdict =
  | { kind: 'builtin' }
  | { kind: 'not-builtin' }
  /** Wrong, with what was probably meant. */
  | { kind: 'invalid'; message: string; hint: string }
  /** `_x` that the docs do not list: probably fine, but unchecked. */
  | { kind: 'undocumented-system' };

/** What a template reference's root is, as far as built-ins go. */
export function classifyBuiltin(root: string): BuiltinVerdict {
  if (root.startsWith('secret:')) {
    if (/^secret:[A-Za-z_][A-Za-z0-9_]*$/.test(root)) return { kind: 'builtin' };
    return {
      kind: 'invalid',
      message: 'is not a valid secret reference',
      hint:
        'Managed secrets are written {{secret:NAME}}, NAME in UPPER_CASE letters, digits ' +
        'and "_".',
    };
  }
  if (root.startsWith('secrets:')) {
    return {
      kind: 'invalid',
      message: 'is not a valid secret reference',
      hint:
        `{{secrets:…}} is not valid: managed secrets are ` +
        `{{${root.replace(/^secrets:/, 'secret:')}}} (singular); {{secrets.name}} reads a ` +
        `per-dispatch value.`,
    };
  }
  if (OTHER_BUILT_INS.has(root) || (SYSTEM_VARIABLES as readonly string[]).includes(root))
    return { kind: 'builtin' };
  if (!root.startsWith('_')) return { kind: 'not-builtin' };
  const suggestion = closestMatch(root, SYSTEM_VARIABLES);
  return suggestion
    ? {
        kind: 'invalid',
        message: 'is not a system variable',
        hint: `did you mean {{${suggestion}}}?`,
      }
    : { kind: 'undocumented-system' };
}
