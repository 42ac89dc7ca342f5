import { z } from 'zod';
import type { JsonValue } from '../errors.js';
import type { Diagnostic } from './diagnostics.js';
import { DiagnosticCodes as C } from './diagnostic-codes.js';
import type { FlowStep } from './flow.js';
import { KNOWN_STEP_TYPES, isKnownStepType, stepConfigSchemas } from './step-configs.js';
import { closestMatch } from './suggest.js';
import { friendlyMessage } from './zod-message.js';

type Path = (string | number)[];
type Report = (d: Omit<Diagnostic, 'file' | 'flowKey'>) => void;

const STEP_FIELDS = ['id', 'name', 'type', 'config', 'enabled', 'order', 'when'];
const StepShape = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be letters, digits, "-", "_" or "." (no spaces)').optional(),
  name: z.string().min(1),
  config: z.record(z.string(), z.unknown()).optional(),
  enabled: z.boolean().optional(),
  order: z.number().int().positive().optional(),
  when: z.string().optional(),
});

/**
 * Checks and normalises a list of steps (recursing into conditional
 * branches): defaults filled (id from the name, order from the position,
 * enabled true, config {}), every problem reported with its path. Step ids
 * must be unique across the whole flow, branches included.
 */
export function normalizeSteps(steps: readonly JsonValue[], path: Path, report: Report, seenIds: Map<string, Path>): FlowStep[] {
  const out: FlowStep[] = [];
  steps.forEach((raw, index) => {
    const at = [...path, index];
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      report({ severity: 'error', code: C.STEP_INVALID, message: 'a step must be an object { id, name, type, config } or made by a step helper', path: at });
      return;
    }
    const step = normalizeStep(raw, at, index, report, seenIds);
    if (step) out.push(step);
  });
  return out;
}

// --- internal ---

function normalizeStep(raw: { [key: string]: JsonValue }, at: Path, index: number, report: Report, seenIds: Map<string, Path>): FlowStep | undefined {
  let ok = checkType(raw.type, at, report);
  for (const key of Object.keys(raw)) {
    if (STEP_FIELDS.includes(key)) continue;
    const suggestion = closestMatch(key, STEP_FIELDS);
    report({ severity: 'error', code: C.STEP_FIELD_UNKNOWN, message: `unknown step field "${key}"`, path: [...at, key], hint: suggestion ? `did you mean "${suggestion}"?` : `a step has ${STEP_FIELDS.join(', ')}; type-specific fields go in config` });
    ok = false;
  }
  const parsed = StepShape.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report({ severity: 'error', code: C.STEP_INVALID, message: friendlyMessage(issue), path: [...at, ...(issue.path as (string | number)[])] });
    return undefined;
  }
  const type = typeof raw.type === 'string' ? raw.type : '';
  const config = (raw.config ?? {}) as { [key: string]: JsonValue };
  ok = checkConfig(type, config, [...at, 'config'], report) && ok;
  if (type === 'conditional') {
    for (const branch of ['trueSteps', 'falseSteps'] as const) {
      const list = config[branch];
      if (Array.isArray(list)) config[branch] = normalizeSteps(list, [...at, 'config', branch], report, seenIds) as unknown as JsonValue;
    }
  }
  const id = parsed.data.id ?? slugify(parsed.data.name);
  const previous = seenIds.get(id);
  if (previous) {
    report({ severity: 'error', code: C.DUPLICATE_STEP_ID, message: `step id "${id}" is already used by ${formatAt(previous)}`, path: [...at, raw.id === undefined ? 'name' : 'id'], hint: 'Step ids must be unique within a flow (a missing id is derived from the name).' });
    ok = false;
  } else seenIds.set(id, at);
  if (!ok) return undefined;
  return {
    id,
    name: parsed.data.name,
    type,
    order: parsed.data.order ?? index + 1,
    enabled: parsed.data.enabled ?? true,
    config,
    ...(parsed.data.when === undefined ? {} : { when: parsed.data.when }),
  };
}

function checkType(type: JsonValue | undefined, at: Path, report: Report): boolean {
  if (typeof type !== 'string' || type === '') {
    report({ severity: 'error', code: C.STEP_TYPE_INVALID, message: type === undefined ? 'step type is required' : 'step type must be a non-empty string', path: [...at, 'type'] });
    return false;
  }
  if (isKnownStepType(type)) return true;
  const suggestion = closestMatch(type, KNOWN_STEP_TYPES);
  if (suggestion) {
    report({ severity: 'error', code: C.STEP_TYPE_TYPO, message: `unknown step type "${type}"`, path: [...at, 'type'], hint: `did you mean "${suggestion}"?` });
    return false;
  }
  report({ severity: 'warning', code: C.STEP_TYPE_UNKNOWN, message: `step type "${type}" is not modelled by runtype-flows; it is sent as written`, path: [...at, 'type'], hint: 'Use customStep() to say this is intended.' });
  return true;
}

function checkConfig(type: string, config: { [key: string]: JsonValue }, at: Path, report: Report): boolean {
  if (!isKnownStepType(type)) return true;
  const schema = stepConfigSchemas[type];
  const known = Object.keys(schema.shape);
  let ok = true;
  // A misspelled required field shows once, as the typo, not also as "is required".
  const typoOf = new Set<string>();
  for (const key of Object.keys(config)) {
    if (known.includes(key)) continue;
    const suggestion = closestMatch(key, known);
    if (suggestion) {
      typoOf.add(suggestion);
      report({ severity: 'error', code: C.STEP_CONFIG_FIELD_TYPO, message: `unknown ${type} config field "${key}"`, path: [...at, key], hint: `did you mean "${suggestion}"?` });
      ok = false;
    } else {
      report({ severity: 'warning', code: C.STEP_CONFIG_FIELD_UNKNOWN, message: `${type} config field "${key}" is not modelled by runtype-flows; it is sent as written`, path: [...at, key] });
    }
  }
  const parsed = schema.safeParse(config, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.path.length === 1 && typoOf.has(String(issue.path[0])) && issue.code === 'invalid_type' && issue.input === undefined) continue;
      report({ severity: 'error', code: C.STEP_CONFIG_INVALID, message: friendlyMessage(issue), path: [...at, ...(issue.path as (string | number)[])] });
      ok = false;
    }
  }
  return ok;
}

function slugify(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'step';
}

function formatAt(path: Path): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
}
