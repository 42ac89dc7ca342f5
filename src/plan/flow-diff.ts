import type { JsonValue } from '../errors.js';
import { canonicalJson } from './canonical.js';
import type { FlowPayload, StepPayload } from './payload.js';

/** One changed leaf, e.g. `config.userPrompt` or `config.http.headers.Accept`. */
export interface FieldChange {
  path: string;
  before?: JsonValue;
  after?: JsonValue;
}

/** `parent` names the conditional branch a nested step sits in, e.g. `route.falseSteps`. */
export type StepDiff =
  | {
      kind: 'added';
      id: string;
      name: string;
      type: string;
      order: number;
      parent?: string;
      step: StepPayload;
    }
  | {
      kind: 'removed';
      id: string;
      name: string;
      type: string;
      order: number;
      parent?: string;
      step: StepPayload;
    }
  | {
      kind: 'changed';
      id: string;
      name: string;
      type: string;
      parent?: string;
      fields: FieldChange[];
    };

export interface FlowDiff {
  /** Top-level fields: name (and description, for a flow that does not exist yet). */
  fields: FieldChange[];
  steps: StepDiff[];
}

/**
 * What differs between two payloads, per flow field and per step (matched by
 * step id). Pure; the reporter turns it into text with line diffs for prompts.
 */
export function diffFlows(before: FlowPayload | undefined, after: FlowPayload): FlowDiff {
  const fields: FieldChange[] = [];
  // No response carries a description: against a remote flow it is unknown, never a difference.
  const compared = before === undefined ? (['name', 'description'] as const) : (['name'] as const);
  for (const key of compared) {
    const a = before?.[key];
    const b = after[key];
    if (a !== b) fields.push(change(key, a, b));
  }
  // Steps inside conditional branches are diffed as steps too (ids are unique flow-wide),
  // so a prompt edited in a branch shows as that step's field, not as a changed array.
  const beforeSteps = flattenSteps(before?.steps ?? []);
  const afterSteps = flattenSteps(after.steps);
  const steps: StepDiff[] = [];
  for (const [id, { step, parent }] of afterSteps) {
    const where = parent === undefined ? {} : { parent };
    const old = beforeSteps.get(id);
    if (!old) {
      steps.push({
        kind: 'added',
        id,
        name: step.name,
        type: step.type,
        order: step.order,
        ...where,
        step,
      });
      continue;
    }
    const changed = diffValues('', stepFields(old.step), stepFields(step));
    if (old.parent !== parent)
      changed.unshift(change('(branch)', old.parent ?? '(top level)', parent ?? '(top level)'));
    if (changed.length > 0)
      steps.push({
        kind: 'changed',
        id,
        name: step.name,
        type: step.type,
        ...where,
        fields: changed,
      });
  }
  for (const [id, { step, parent }] of beforeSteps) {
    if (!afterSteps.has(id))
      steps.push({
        kind: 'removed',
        id,
        name: step.name,
        type: step.type,
        order: step.order,
        ...(parent === undefined ? {} : { parent }),
        step,
      });
  }
  return { fields, steps };
}

// --- internal ---

const BRANCHES = ['trueSteps', 'falseSteps'] as const;

/**
 * Every step by id, depth first; a conditional's branches are replaced by the
 * ids they hold, so a reorder inside a branch still shows on the conditional.
 */
function flattenSteps(
  steps: readonly StepPayload[],
  parent?: string,
  into = new Map<string, { step: StepPayload; parent?: string }>(),
) {
  for (const step of steps) {
    const nested =
      step.type === 'conditional' ? BRANCHES.filter((b) => Array.isArray(step.config[b])) : [];
    const config = { ...step.config };
    for (const branch of nested)
      config[branch] = (step.config[branch] as unknown as StepPayload[]).map((s) => s.id);
    into.set(step.id, { step: { ...step, config }, ...(parent === undefined ? {} : { parent }) });
    for (const branch of nested)
      flattenSteps(step.config[branch] as unknown as StepPayload[], `${step.id}.${branch}`, into);
  }
  return into;
}

function stepFields(step: StepPayload): { [key: string]: JsonValue } {
  const { id: _id, ...rest } = step;
  return rest;
}

function diffValues(
  prefix: string,
  a: JsonValue | undefined,
  b: JsonValue | undefined,
): FieldChange[] {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => diffValues(prefix ? `${prefix}.${k}` : k, a[k], b[k]));
  }
  if (canonicalJson(a) === canonicalJson(b)) return [];
  return [change(prefix, a, b)];
}

function change(
  path: string,
  before: JsonValue | undefined,
  after: JsonValue | undefined,
): FieldChange {
  return {
    path,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  };
}

function isPlainObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
