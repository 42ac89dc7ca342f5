/**
 * Request bodies of create and update: every problem is collected into one InputError, whose
 * issues become the 400's `details` (dotted paths as the client named the fields).
 */
import { VALIDATION_CODES as C } from './assumptions.js';
import type { StoredStep } from './types.js';
import { checkString, describe, isObject, readStep, typeIssue } from './validate-step.js';
import type { Issue } from './validate-step.js';

export { isObject } from './validate-step.js';
export type { Issue } from './validate-step.js';

export class InputError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`)).join('; '));
    this.name = 'InputError';
    this.issues = issues;
  }

  /** One problem (a query parameter, say). */
  static of(code: string, path: string, message: string, suggestion?: string): InputError {
    return new InputError([
      suggestion === undefined ? { code, path, message } : { code, path, message, suggestion },
    ]);
  }
}

export interface CreateInput {
  name: string;
  /** Write-only (assumptions.ts): kept in the state file, never answered. */
  description: string | null;
  steps: StoredStep[];
}

export interface UpdateInput {
  name?: string;
  steps?: StoredStep[];
}

/** POST /v1/flows (and an out-of-band create): `name` required; `steps` or `flowSteps`. */
export function validateCreate(body: unknown, types: ReadonlySet<string>): CreateInput {
  const issues: Issue[] = [];
  if (!isObject(body)) throw new InputError([notAnObject(body)]);
  checkString(body.name, 'name', { required: true, min: 1 }, issues);
  const steps = readStepList(body.steps, 'steps', types, issues);
  const flowSteps = readStepList(body.flowSteps, 'flowSteps', types, issues);
  if (issues.length > 0) throw new InputError(issues);
  const description = typeof body.description === 'string' ? body.description : null;
  return { name: body.name as string, description, steps: flowSteps ?? steps ?? [] };
}

/** PUT /v1/flows/{id}: only `name` and `flowSteps` (anything else is ignored). */
export function validateUpdate(body: unknown, types: ReadonlySet<string>): UpdateInput {
  const issues: Issue[] = [];
  if (!isObject(body)) throw new InputError([notAnObject(body)]);
  checkString(body.name, 'name', { required: false, min: 1 }, issues);
  const steps = readStepList(body.flowSteps, 'flowSteps', types, issues);
  if (issues.length > 0) throw new InputError(issues);
  const update: UpdateInput = {};
  if (body.name !== undefined) update.name = body.name as string;
  if (steps !== undefined) update.steps = steps;
  return update;
}

/** Checks a step list (absent: undefined); pushes its problems to `issues`. */
export function readStepList(
  raw: unknown,
  field: string,
  types: ReadonlySet<string>,
  issues: Issue[],
): StoredStep[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    issues.push(typeIssue(field, 'an array', raw));
    return undefined;
  }
  const steps: StoredStep[] = [];
  for (let i = 0; i < raw.length; i++) {
    const step = readStep(raw[i], `${field}.${i}`, i, types, issues);
    if (step !== undefined) steps.push(step);
  }
  return steps;
}

// --- internal ---

function notAnObject(body: unknown): Issue {
  return {
    code: C.invalidType,
    path: '',
    message: `the request body must be a JSON object, got ${describe(body)}`,
  };
}
