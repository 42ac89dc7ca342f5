import { DiagnosticCodes } from '../../model/diagnostic-codes.js';
import type { ValidateResult } from '../results.js';

/**
 * Turns "0 flows, no errors" into a failure: a CI step that validates nothing (a wrong
 * glob, a wrong --cwd, files that export no flow) must not pass green. `allowEmpty`
 * (`validate --allow-empty`) is for a project that has no flows yet on purpose.
 */
export function requireFlows(result: ValidateResult, allowEmpty: boolean): ValidateResult {
  if (allowEmpty || result.flows.length > 0 || !result.ok) return result;
  const noFlows = {
    severity: 'error' as const,
    code: DiagnosticCodes.NO_FLOWS,
    message: `no flow found in ${result.files} file${result.files === 1 ? '' : 's'}`,
    hint:
      'Check the flow globs (`flows` in runtype.config.ts, default flows/**/*.ts) and --cwd, ' +
      'or pass --allow-empty when the project has no flows yet.',
  };
  return { ...result, ok: false, diagnostics: [...result.diagnostics, noFlows] };
}
