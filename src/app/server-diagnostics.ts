import { locateDiagnostics } from '../load/index.js';
import type { ApiErrorDetail, ValidationIssueDto } from '../api/index.js';
import type { ChangeOutcome } from '../apply/outcome.js';
import type { Diagnostic, DiagnosticPath, Severity } from '../model/diagnostics.js';
import type { DesiredFlow } from '../plan/index.js';

/**
 * What the server said about a flow, as diagnostics at the flow's
 * file:line:column like any local one: a 400's `details[]` after a write, or
 * the issues of POST /v1/public/flows/validate. The request body mirrors the
 * flow (`steps.0.config.model` is the code's `steps[0].config.model`), so
 * each server path maps onto the source.
 */
export async function serverDiagnostics(
  found: readonly ServerFinding[],
  desired: readonly DesiredFlow[],
): Promise<Diagnostic[]> {
  if (found.length === 0) return [];
  const byKey = new Map(desired.map((flow) => [flow.key, flow]));
  const diagnostics = found.map((finding) => toDiagnostic(finding, byKey.get(finding.key)));
  return locateDiagnostics(diagnostics);
}

export interface ServerFinding {
  key: string;
  severity: Severity;
  code: string;
  message: string;
  /** Dotted path into the request body, when the server named one. */
  path?: string;
  /** The step the server named, when it gave an index rather than a path. */
  stepIndex?: number;
  hint?: string;
}

/** The details[] of every write the server refused. */
export function refusedWrites(outcomes: readonly ChangeOutcome[]): ServerFinding[] {
  return outcomes.flatMap((outcome) =>
    (outcome.error?.details ?? []).map((detail: ApiErrorDetail) => ({
      key: outcome.key,
      severity: 'error' as const,
      code: detail.code ?? 'API_VALIDATION',
      message: `the Runtype API refused it: ${detail.message}`,
      ...(detail.path === undefined ? {} : { path: detail.path }),
      ...(detail.suggestion === undefined ? {} : { hint: detail.suggestion }),
    })),
  );
}

/** The issues of one flow's server-side validation: errors, warnings, recommendations (as info). */
export function validationIssues(
  key: string,
  result: {
    errors: readonly ValidationIssueDto[];
    warnings: readonly ValidationIssueDto[];
    recommendations: readonly ValidationIssueDto[];
  },
): ServerFinding[] {
  const of = (severity: Severity, issues: readonly ValidationIssueDto[]): ServerFinding[] =>
    issues.map((issue) => ({
      key,
      severity,
      code: issue.code,
      message: `Runtype API: ${issue.message}`,
      ...(issue.path === undefined ? {} : { path: issue.path }),
      ...(issue.step ? { stepIndex: issue.step.index } : {}),
    }));
  return [
    ...of('error', result.errors),
    ...of('warning', result.warnings),
    ...of('info', result.recommendations),
  ];
}

// --- internal ---

/** `steps.0.config.model` or `flowSteps.0.config.model` → `['steps', 0, 'config', 'model']`. */
function toFlowPath(apiPath: string): DiagnosticPath {
  const segments = apiPath.split(/[.[\]]+/).filter((s) => s !== '');
  return segments.map((segment, index) => {
    if (index === 0 && segment === 'flowSteps') return 'steps';
    return /^\d+$/.test(segment) ? Number(segment) : segment;
  });
}

function toDiagnostic(finding: ServerFinding, flow: DesiredFlow | undefined): Diagnostic {
  const path =
    finding.path !== undefined
      ? toFlowPath(finding.path)
      : finding.stepIndex !== undefined
        ? ['steps', finding.stepIndex]
        : undefined;
  return {
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
    flowKey: finding.key,
    ...(flow?.file === undefined ? {} : { file: flow.file }),
    ...(path === undefined ? {} : { path }),
    ...(finding.hint === undefined ? {} : { hint: finding.hint }),
  };
}
