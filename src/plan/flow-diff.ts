import type { JsonValue } from '../errors.js';
import { stableStringify } from './canonical.js';
import type { FlowPayload, StepPayload } from './payload.js';

/** One changed leaf, e.g. `config.userPrompt` or `config.http.headers.Accept`. */
export interface FieldChange {
  path: string;
  before?: JsonValue;
  after?: JsonValue;
}

export type StepDiff =
  | { kind: 'added'; id: string; name: string; type: string; order: number; step: StepPayload }
  | { kind: 'removed'; id: string; name: string; type: string; order: number; step: StepPayload }
  | { kind: 'changed'; id: string; name: string; type: string; fields: FieldChange[] };

export interface FlowDiff {
  /** Top-level fields: name, description. */
  fields: FieldChange[];
  steps: StepDiff[];
}

/**
 * What differs between two payloads, per flow field and per step (matched by
 * step id). Pure; the reporter turns it into text with line diffs for prompts.
 */
export function diffFlows(before: FlowPayload | undefined, after: FlowPayload): FlowDiff {
  const fields: FieldChange[] = [];
  for (const key of ['name', 'description'] as const) {
    const a = before?.[key];
    const b = after[key];
    if (a !== b) fields.push(change(key, a, b));
  }
  const beforeSteps = new Map((before?.steps ?? []).map((s) => [s.id, s]));
  const afterIds = new Set(after.steps.map((s) => s.id));
  const steps: StepDiff[] = [];
  for (const step of after.steps) {
    const old = beforeSteps.get(step.id);
    if (!old) {
      steps.push({ kind: 'added', id: step.id, name: step.name, type: step.type, order: step.order, step });
      continue;
    }
    const changed = diffValues('', stepFields(old), stepFields(step));
    if (changed.length > 0) steps.push({ kind: 'changed', id: step.id, name: step.name, type: step.type, fields: changed });
  }
  for (const old of before?.steps ?? []) {
    if (!afterIds.has(old.id)) steps.push({ kind: 'removed', id: old.id, name: old.name, type: old.type, order: old.order, step: old });
  }
  return { fields, steps };
}

export function isEmptyDiff(diff: FlowDiff): boolean {
  return diff.fields.length === 0 && diff.steps.length === 0;
}

// --- internal ---

function stepFields(step: StepPayload): { [key: string]: JsonValue } {
  const { id: _id, ...rest } = step;
  return rest;
}

function diffValues(prefix: string, a: JsonValue | undefined, b: JsonValue | undefined): FieldChange[] {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => diffValues(prefix ? `${prefix}.${k}` : k, a[k], b[k]));
  }
  if (stableStringify(a) === stableStringify(b)) return [];
  return [change(prefix, a, b)];
}

function change(path: string, before: JsonValue | undefined, after: JsonValue | undefined): FieldChange {
  return { path, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) };
}

function isPlainObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
