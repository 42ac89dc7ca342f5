import type { JsonValue } from '../errors.js';
import { checkSecrets } from './check-secrets.js';
import { checkVariables } from './check-variables.js';
import { DiagnosticCodes as C } from './diagnostic-codes.js';
import {
  formatPath,
  type Diagnostic,
  type DiagnosticPath,
  type ReportDiagnostic,
} from './diagnostics.js';
import type { Flow } from './flow.js';
import { FLOW_FIELDS, FlowInputSchema } from './flow-schema.js';
import { createStepContext, normalizeSteps } from './normalize-steps.js';
import { closestMatch } from './suggest.js';
import { toJsonValue } from './to-json-value.js';
import { checkApiLimits } from './api-limits.js';
import { friendlyMessage, zodPath } from './zod-message.js';

/**
 * Where the value comes from (for diagnostics), and what the project's config adds to the rules.
 */
export interface ParseFlowOptions {
  file?: string;
  exportName?: string;
  /**
   * runtype.config.ts `extraStepTypes`: step types accepted besides the API's list (config
   * unchecked).
   */
  extraStepTypes?: readonly string[];
}

export interface ParseResult {
  /** Present only when there are no errors (warnings are fine). */
  flow?: Flow;
  diagnostics: Diagnostic[];
}

/**
 * Validates and normalises one exported flow value, collecting every
 * problem rather than stopping at the first: values JSON cannot carry, the
 * flow's fields, each step (types, config fields, ids), template variables
 * and secret-looking literals. Pure, and never throws.
 */
export function parseFlow(value: unknown, where: ParseFlowOptions = {}): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const flowKey = readKey(value);
  const report: ReportDiagnostic = (d) =>
    diagnostics.push({
      ...d,
      ...(where.file === undefined ? {} : { file: where.file }),
      ...(flowKey === undefined ? {} : { flowKey }),
    });

  const nonJson: DiagnosticPath[] = [];
  const json = toJsonValue(value, (d) => {
    nonJson.push(d.path ?? []);
    report({ severity: 'error', code: C.NON_JSON_VALUE, ...d });
  });
  if (json === null || json === undefined || typeof json !== 'object' || Array.isArray(json)) {
    if (nonJson.some((p) => p.length === 0)) return { diagnostics };
    const what = where.exportName ? `the export "${where.exportName}"` : 'this value';
    report({
      severity: 'error',
      code: C.FLOW_INVALID,
      message: `${what} is not a flow object`,
      hint: 'Export defineFlow({ key, name, steps: [...] }).',
    });
    return { diagnostics };
  }

  let inputsUnsure = false;
  for (const key of Object.keys(json)) {
    if (FLOW_FIELDS.includes(key)) continue;
    const suggestion = closestMatch(key, FLOW_FIELDS);
    if (suggestion === 'inputs') inputsUnsure = true;
    report({
      severity: 'error',
      code: C.FLOW_FIELD_UNKNOWN,
      message: `unknown flow field "${key}"`,
      path: [key],
      hint: suggestion
        ? `did you mean "${suggestion}"?`
        : `defineFlow takes ${FLOW_FIELDS.join(', ')}`,
    });
  }
  const parsed = FlowInputSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      report({
        severity: 'error',
        code: C.FLOW_INVALID,
        message: friendlyMessage(issue),
        path: zodPath(issue),
      });
  }
  const rawSteps = Array.isArray(json.steps) ? json.steps : [];
  if (Array.isArray(json.steps) && rawSteps.length === 0) {
    report({
      severity: 'error',
      code: C.FLOW_EMPTY_STEPS,
      message: 'a flow needs at least one step',
      path: ['steps'],
    });
  }
  const ctx = createStepContext(report, where.extraStepTypes);
  const steps = normalizeSteps(rawSteps, ['steps'], ctx);
  // Inputs that cannot be read (wrong type, misspelled field) would make every use of them look
  // undefined.
  const inputs = json.inputs === undefined ? [] : strings(json.inputs);
  if (inputs && !inputsUnsure) checkVariables(inputs, steps, ctx, report);
  checkSecrets(json, strings(json.allowSecrets) ?? [], report);
  checkApiLimits(json, steps, report);

  const kept = dropFollowOns(diagnostics, nonJson);
  if (!parsed.success || kept.some((d) => d.severity === 'error')) return { diagnostics: kept };
  const { key, name, description, allowSecrets } = parsed.data;
  return {
    flow: {
      key,
      name,
      ...(description === undefined ? {} : { description }),
      inputs: inputs ?? [],
      steps,
      ...(allowSecrets ? { allowSecrets: [...allowSecrets] } : {}),
    },
    diagnostics: kept,
  };
}

// --- internal ---

function readKey(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  try {
    const key = (value as { key?: unknown }).key;
    return typeof key === 'string' && key !== '' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The strings of a list, or undefined when it is not a list at all. */
function strings(value: JsonValue | undefined): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/**
 * A value JSON cannot carry is reported once, as NON_JSON_VALUE; it became
 * null in the copy, and what other checks then say about that null (or about
 * anything inside it) is the same fault again.
 */
function dropFollowOns(
  diagnostics: Diagnostic[],
  nonJson: readonly DiagnosticPath[],
): Diagnostic[] {
  if (nonJson.length === 0) return diagnostics;
  const roots = nonJson.map((p) => formatPath(p));
  return diagnostics.filter((d) => {
    if (d.code === C.NON_JSON_VALUE) return true;
    const at = formatPath(d.path);
    return !roots.some(
      (root) => at === root || at.startsWith(`${root}.`) || at.startsWith(`${root}[`),
    );
  });
}
