import { z } from 'zod';
import { checkSecrets } from './check-secrets.js';
import { checkVariables } from './check-variables.js';
import { DiagnosticCodes as C } from './diagnostic-codes.js';
import type { Diagnostic } from './diagnostics.js';
import type { Flow } from './flow.js';
import { normalizeSteps } from './normalize-steps.js';
import { closestMatch } from './suggest.js';
import { toJsonValue } from './to-json-value.js';
import { friendlyMessage } from './zod-message.js';

const FlowShape = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be a slug: lower-case letters, digits, ".", "-" or "_", e.g. "customer-outreach"'),
  name: z.string().min(1),
  description: z.string().optional(),
  inputs: z.array(z.string().regex(/^[A-Za-z_][\w.-]*$/, 'must be a variable name such as customer_name')).optional(),
  steps: z.array(z.unknown()),
  allowSecrets: z.array(z.string()).optional(),
});
const FLOW_FIELDS = Object.keys(FlowShape.shape);

export interface ParseResult {
  /** Present only when there are no errors. */
  flow?: Flow;
  diagnostics: Diagnostic[];
}

/**
 * Validates and normalises one exported flow value, collecting every
 * problem: values JSON cannot carry, the flow's fields, each step (types,
 * config fields, ids), template variables and secret-looking literals.
 */
export function parseFlow(value: unknown, where: { file?: string; exportName?: string } = {}): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const flowKey = readKey(value);
  const report = (d: Omit<Diagnostic, 'file' | 'flowKey'>) =>
    diagnostics.push({ ...d, ...(where.file === undefined ? {} : { file: where.file }), ...(flowKey === undefined ? {} : { flowKey }) });

  const json = toJsonValue(value, (d) => report({ severity: 'error', code: C.NON_JSON_VALUE, ...d }));
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    report({ severity: 'error', code: C.FLOW_INVALID, message: `the export${where.exportName ? ` "${where.exportName}"` : ''} is not a flow object` });
    return { diagnostics };
  }
  for (const key of Object.keys(json)) {
    if (FLOW_FIELDS.includes(key)) continue;
    const suggestion = closestMatch(key, FLOW_FIELDS);
    report({ severity: 'error', code: C.FLOW_FIELD_UNKNOWN, message: `unknown flow field "${key}"`, path: [key], hint: suggestion ? `did you mean "${suggestion}"?` : `defineFlow takes ${FLOW_FIELDS.join(', ')}` });
  }
  const parsed = FlowShape.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report({ severity: 'error', code: C.FLOW_INVALID, message: friendlyMessage(issue), path: issue.path as (string | number)[] });
  }
  const rawSteps = Array.isArray(json.steps) ? json.steps : [];
  if (Array.isArray(json.steps) && rawSteps.length === 0) {
    report({ severity: 'error', code: C.FLOW_EMPTY_STEPS, message: 'a flow needs at least one step', path: ['steps'] });
  }
  const steps = normalizeSteps(rawSteps, ['steps'], report, new Map());
  const inputs = parsed.success ? (parsed.data.inputs ?? []) : [];
  if (!diagnostics.some((d) => d.severity === 'error')) checkVariables(inputs, steps, report);
  checkSecrets(json, parsed.success ? (parsed.data.allowSecrets ?? []) : [], report);

  if (!parsed.success || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const { key, name, description, allowSecrets } = parsed.data;
  return {
    flow: { key, name, ...(description === undefined ? {} : { description }), inputs, steps, ...(allowSecrets ? { allowSecrets } : {}) },
    diagnostics,
  };
}

// --- internal ---

function readKey(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const key = (value as { key?: unknown }).key;
  return typeof key === 'string' && key !== '' ? key : undefined;
}

