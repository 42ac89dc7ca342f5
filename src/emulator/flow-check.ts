/**
 * POST /v1/public/flows/validate: the create rules as a FlowValidationResult instead of a 400,
 * plus a few guessed warnings and recommendations (assumptions.ts). Writes nothing.
 */
import { VALIDATION_ISSUE_CODES as W } from './assumptions.js';
import type { Handler } from './handlers.js';
import { isObject, readStepList } from './validate.js';
import type { Issue } from './validate.js';
import { checkString, describe } from './validate-step.js';

interface ValidationIssue {
  code: string;
  message: string;
  path?: string;
  step?: { index: number; name: string; type: string };
}

export const validateFlow: Handler = (ctx) => {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const recommendations: ValidationIssue[] = [];
  const body = ctx.body;
  if (!isObject(body)) {
    errors.push({
      code: 'INVALID_TYPE',
      message: `the flow must be a JSON object, got ${describe(body)}`,
    });
  } else {
    const issues: Issue[] = [];
    checkString(body.name, 'name', { required: true, min: 1 }, issues);
    readStepList(body.steps, 'steps', ctx.stepTypes, issues);
    readStepList(body.flowSteps, 'flowSteps', ctx.stepTypes, issues);
    const field = body.flowSteps !== undefined ? 'flowSteps' : 'steps';
    const raw = body[field];
    for (const issue of issues) errors.push(withStep(issue, body));
    if (Array.isArray(raw)) adviseOn(raw, field, warnings, recommendations);
    if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) {
      warnings.push({
        code: W.emptyFlow,
        message: 'The flow has no steps: running it does nothing',
      });
    }
  }
  const authenticated = ctx.authenticated;
  const context = {
    authenticated,
    accountChecksPerformed: false,
    accountChecksSkipped: authenticated,
  };
  return {
    status: 200,
    body: { valid: errors.length === 0, errors, warnings, recommendations, context },
  };
};

/**
 * The documented 500 body of this endpoint is a FlowValidationResult, not an Error: an
 * internal failure is reported as one invalid result. UNCONFIRMED: its code.
 */
export function internalFailure(message: string, authenticated: boolean): unknown {
  return {
    valid: false,
    errors: [{ code: 'INTERNAL_ERROR', message }],
    warnings: [],
    recommendations: [],
    context: { authenticated, accountChecksPerformed: false, accountChecksSkipped: authenticated },
  };
}

// --- internal ---

function adviseOn(
  steps: readonly unknown[],
  field: string,
  warnings: ValidationIssue[],
  recommendations: ValidationIssue[],
): void {
  steps.forEach((raw, index) => {
    if (!isObject(raw)) return;
    const step = stepRef(raw, index);
    if (raw.enabled === false) {
      const message = `Step ${index} is disabled and will be skipped`;
      warnings.push({ code: W.stepDisabled, message, path: `${field}.${index}.enabled`, step });
    }
    if (
      raw.type === 'prompt' &&
      !(isObject(raw.config) && typeof raw.config.outputVariable === 'string')
    ) {
      const message =
        `Prompt step ${index} has no config.outputVariable: ` + 'later steps cannot use its result';
      const path = `${field}.${index}.config.outputVariable`;
      recommendations.push({ code: W.missingOutputVariable, message, path, step });
    }
  });
}

/** The issue, with `step` filled in when its path points into a step. */
function withStep(issue: Issue, body: Record<string, unknown>): ValidationIssue {
  const out: ValidationIssue = { code: issue.code, message: issue.message };
  if (issue.path !== '') out.path = issue.path;
  const match = /^(flowSteps|steps)\.(\d+)/.exec(issue.path);
  if (match === null) return out;
  const list = body[match[1]!];
  const raw: unknown = Array.isArray(list) ? list[Number(match[2])] : undefined;
  if (isObject(raw)) out.step = stepRef(raw, Number(match[2]));
  return out;
}

function stepRef(
  raw: Record<string, unknown>,
  index: number,
): { index: number; name: string; type: string } {
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  return { index, name: text(raw.name), type: text(raw.type) };
}
