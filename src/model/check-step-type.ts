import type { JsonValue } from '../errors.js';
import { DiagnosticCodes as C } from './diagnostic-codes.js';
import type { DiagnosticPath, ReportDiagnostic } from './diagnostics.js';
import { KNOWN_STEP_TYPES, isKnownStepType } from './step-configs.js';
import { closestMatch } from './suggest.js';

export interface StepTypeOptions {
  /** Made with customStep(): its type is meant as written, so never called a typo. */
  custom: boolean;
  /** The config's extraStepTypes: types the API has and the library does not list yet. */
  extraStepTypes: ReadonlySet<string>;
}

/**
 * A step's `type`. The API's list is closed (runtype-api.md §00): any other
 * type is refused with a 400, so it is an error here too — customStep()
 * included, since customStep only says the config is not modelled — unless
 * the config names it in extraStepTypes. A plain step's type a typo away from
 * a known one is STEP_TYPE_TYPO; any other unknown type is STEP_TYPE_UNKNOWN,
 * with the nearest type when there is one. Both hints list every type.
 * Returns false on an error.
 */
export function checkStepType(
  type: JsonValue | undefined,
  at: DiagnosticPath,
  report: ReportDiagnostic,
  options: StepTypeOptions,
): boolean {
  if (typeof type !== 'string' || type === '') {
    report({
      severity: 'error',
      code: C.STEP_TYPE_INVALID,
      message:
        type === undefined
          ? 'step type is required'
          : `step type must be a non-empty string, not ${JSON.stringify(type)}`,
      path: [...at, 'type'],
      hint:
        'Use a step helper such as prompt(...), or a type string such as "prompt" or ' +
        '"transform-data".',
    });
    return false;
  }
  if (isKnownStepType(type) || options.extraStepTypes.has(type)) return true;
  const suggestion = closestMatch(type, KNOWN_STEP_TYPES);
  if (suggestion && !options.custom) {
    report({
      severity: 'error',
      code: C.STEP_TYPE_TYPO,
      message: `unknown step type "${type}"`,
      path: [...at, 'type'],
      hint: `did you mean "${suggestion}"? ${TYPE_LIST}`,
    });
    return false;
  }
  report({
    severity: 'error',
    code: C.STEP_TYPE_UNKNOWN,
    message:
      `step type "${type}" is not one of the API's step ` +
      `types${options.custom ? CUSTOM_NOTE : ''}`,
    path: [...at, 'type'],
    hint:
      `${suggestion ? `did you mean "${suggestion}"? ` : ''}${reasonFor(type)}${TYPE_LIST} ` +
      `${EXTRA_HINT}`,
  });
  return false;
}

// --- internal ---

const CUSTOM_NOTE = ' (customStep() too needs one)';
const TYPE_LIST = `Step types: ${KNOWN_STEP_TYPES.join(', ')}.`;
const EXTRA_HINT =
  'If the API has gained this type, list it in extraStepTypes in runtype.config.ts.';

/**
 * `return` is the one type the docs mention that the API's list lacks: say so rather than leave it
 * a mystery.
 */
function reasonFor(type: string): string {
  return type === 'return'
    ? 'The docs mention a Return step, but the API has no "return" type. '
    : '';
}
