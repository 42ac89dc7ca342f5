import type { JsonValue } from '../errors.js';
import { DiagnosticCodes as C } from './diagnostic-codes.js';
import type { DiagnosticPath, ReportDiagnostic } from './diagnostics.js';
import { isKnownStepType, stepConfigSchemas } from './step-configs.js';
import { closestMatch, isClearTypo } from './suggest.js';
import { friendlyMessage, zodPath } from './zod-message.js';

/**
 * The config of a modelled step type, against its zod schema. An unknown
 * field that is clearly a misspelling of a known one is an error (a typo
 * would silently do nothing at run time); other unknown fields are warnings
 * and are sent as written, since the API knows more fields than the docs
 * list — one merely close to a known field (`mode`, `models`) with the
 * suggestion in its hint, since a false "typo" would block a valid deploy
 * (isClearTypo says which is which). Unmodelled types are not checked.
 * Returns false on an error.
 */
export function checkStepConfig(type: string, config: { [key: string]: JsonValue }, at: DiagnosticPath, report: ReportDiagnostic): boolean {
  if (!isKnownStepType(type)) return true;
  const schema = stepConfigSchemas[type];
  const known = Object.keys(schema.shape);
  let ok = true;
  // A misspelled required field shows once, as the typo, not also as "is required".
  const typoOf = new Set<string>();
  for (const key of Object.keys(config)) {
    if (known.includes(key)) continue;
    const suggestion = closestMatch(key, known);
    if (suggestion !== undefined && isClearTypo(key, suggestion)) {
      typoOf.add(suggestion);
      report({ severity: 'error', code: C.STEP_CONFIG_FIELD_TYPO, message: `unknown ${type} config field "${key}"`, path: [...at, key], hint: `did you mean "${suggestion}"?` });
      ok = false;
    } else {
      report({
        severity: 'warning',
        code: C.STEP_CONFIG_FIELD_UNKNOWN,
        message: `${type} config field "${key}" is not modelled by runtype-flows; it is sent as written`,
        path: [...at, key],
        hint: `${suggestion === undefined ? '' : `did you mean "${suggestion}"? If not, `}known ${type} fields: ${known.join(', ')}`,
      });
    }
  }
  const parsed = schema.safeParse(config, { reportInput: true });
  if (parsed.success) return ok;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (issue.path.length === 1 && typoOf.has(String(field)) && issue.code === 'invalid_type' && issue.input === undefined) continue;
    report({ severity: 'error', code: C.STEP_CONFIG_INVALID, message: friendlyMessage(issue), path: [...at, ...zodPath(issue)] });
  }
  return false;
}

