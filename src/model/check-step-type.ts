import type { JsonValue } from '../errors.js';
import { DiagnosticCodes as C } from './diagnostic-codes.js';
import type { DiagnosticPath, ReportDiagnostic } from './diagnostics.js';
import { KNOWN_STEP_TYPES, isKnownStepType } from './step-configs.js';
import { closestMatch } from './suggest.js';

/**
 * A step's `type`: a non-string is an error; an unknown type within a typo's
 * distance of a known one is an error with the suggestion; any other unknown
 * type is only a warning, since the API has more step types than the library
 * models and the step is sent as written. A step made with customStep() is
 * meant as written: never a typo, only the warning (naming the near type).
 * Returns false on an error.
 */
export function checkStepType(type: JsonValue | undefined, at: DiagnosticPath, report: ReportDiagnostic, custom = false): boolean {
  if (typeof type !== 'string' || type === '') {
    report({
      severity: 'error',
      code: C.STEP_TYPE_INVALID,
      message: type === undefined ? 'step type is required' : `step type must be a non-empty string, not ${JSON.stringify(type)}`,
      path: [...at, 'type'],
      hint: 'Use a step helper such as prompt(...), or a type string such as "prompt" or "transform-data".',
    });
    return false;
  }
  if (isKnownStepType(type)) return true;
  const suggestion = closestMatch(type, KNOWN_STEP_TYPES);
  if (suggestion && !custom) {
    report({ severity: 'error', code: C.STEP_TYPE_TYPO, message: `unknown step type "${type}"`, path: [...at, 'type'], hint: `did you mean "${suggestion}"?` });
    return false;
  }
  report({
    severity: 'warning',
    code: C.STEP_TYPE_UNKNOWN,
    message: `step type "${type}" is not modelled by runtype-flows; it is sent as written`,
    path: [...at, 'type'],
    hint: custom
      ? `Made with customStep(), so its config is not checked.${suggestion ? ` If you meant "${suggestion}", use that type and its helper instead.` : ''}`
      : 'Check the spelling against the Runtype step catalogue; if it is right, this warning only says its config is not checked.',
  });
  return true;
}
