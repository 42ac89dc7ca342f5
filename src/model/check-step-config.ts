import type { JsonValue } from '../errors.js';
import { DiagnosticCodes as C } from './diagnostic-codes.js';
import type { DiagnosticPath, ReportDiagnostic } from './diagnostics.js';
import { isKnownStepType, stepConfigSchemas } from './step-configs.js';
import { closestMatch, isClearTypo } from './suggest.js';
import { friendlyMessage, zodPath } from './zod-message.js';

/**
 * The config of a step of one of the API's types, against its schema. The
 * API types no config field (runtype-api.md §00), so the only error is an
 * unknown field that is clearly a misspelling of a known one (a typo would
 * silently do nothing at run time). Other unknown fields are warnings and are
 * sent as written — one merely close to a known field (`mode`, `models`) with
 * the suggestion in its hint, since a false "typo" would block a valid deploy
 * (isClearTypo says which is which). A value of another type than the schema's
 * is a warning too: the schemas are the library's reading of the docs, and the
 * document's own examples already differ from the docs (`reasoning` as an
 * object, `responseFormat: 'html'`). Types outside the API's list (customStep,
 * extraStepTypes) are not checked. Returns false on an error.
 */
export function checkStepConfig(
  type: string,
  config: { [key: string]: JsonValue },
  at: DiagnosticPath,
  report: ReportDiagnostic,
): boolean {
  if (!isKnownStepType(type)) return true;
  const schema = stepConfigSchemas[type];
  const known = Object.keys(schema.shape);
  let ok = true;
  for (const key of Object.keys(config)) {
    if (known.includes(key)) continue;
    const suggestion = closestMatch(key, known);
    if (suggestion !== undefined && isClearTypo(key, suggestion)) {
      report({
        severity: 'error',
        code: C.STEP_CONFIG_FIELD_TYPO,
        message: `unknown ${type} config field "${key}"`,
        path: [...at, key],
        hint: `did you mean "${suggestion}"?`,
      });
      ok = false;
    } else {
      report({
        severity: 'warning',
        code: C.STEP_CONFIG_FIELD_UNKNOWN,
        message:
          `${type} config field "${key}" is not modelled by runtype-flows; it is sent as ` +
          `written`,
        path: [...at, key],
        hint:
          `${suggestion === undefined ? '' : `did you mean "${suggestion}"? If not, `}known ` +
          `${type} fields: ${known.join(', ')}`,
      });
    }
  }
  const parsed = schema.safeParse(config, { reportInput: true });
  if (parsed.success) return ok;
  for (const issue of parsed.error.issues) {
    report({
      severity: 'warning',
      code: C.STEP_CONFIG_INVALID,
      message: `${friendlyMessage(issue)} (as runtype-flows reads the docs); it is sent as written`,
      path: [...at, ...zodPath(issue)],
    });
  }
  return ok;
}
