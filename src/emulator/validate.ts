/**
 * Request-body validation for create and update, hand-written (no schema library on the hot
 * path). Every failure names the field path, e.g. `steps[2].type`.
 */
import { MAX_CONFIG_DEPTH, STEP_DEFAULTS, STEP_TYPE_MIN_LENGTH } from './assumptions.js';
import { newStepId } from './ids.js';
import type { JsonObject, StoredStep } from './types.js';

export class InputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'InputError';
    this.field = field;
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

export function normalizeStep(raw: unknown, path: string, position: number): StoredStep {
  if (!isObject(raw)) throw new InputError(path, `${path} must be an object, got ${describe(raw)}`);
  const { id, type, name, config, enabled, order, when } = raw;
  if (typeof type !== 'string' || type.length < STEP_TYPE_MIN_LENGTH) {
    throw new InputError(`${path}.type`, `${path}.type must be a non-empty string`);
  }
  if (typeof name !== 'string') throw new InputError(`${path}.name`, `${path}.name must be a string`);
  if (id !== undefined && (typeof id !== 'string' || id.length === 0)) {
    throw new InputError(`${path}.id`, `${path}.id must be a non-empty string when given`);
  }
  if (config !== undefined && !isObject(config)) {
    throw new InputError(`${path}.config`, `${path}.config must be an object, got ${describe(config)}`);
  }
  if (enabled !== undefined && typeof enabled !== 'boolean') {
    throw new InputError(`${path}.enabled`, `${path}.enabled must be a boolean`);
  }
  if (order !== undefined && (typeof order !== 'number' || !Number.isFinite(order))) {
    throw new InputError(`${path}.order`, `${path}.order must be a finite number`);
  }
  checkDepth(config, `${path}.config`);
  checkDepth(when, `${path}.when`);
  const step: StoredStep = {
    id: id ?? newStepId(),
    type,
    name,
    config: config ?? STEP_DEFAULTS.config(),
    enabled: enabled ?? STEP_DEFAULTS.enabled,
    order: order ?? STEP_DEFAULTS.order(position),
  };
  if (when !== undefined) step.when = when;
  return step;
}

export function normalizeSteps(raw: unknown, field: string): StoredStep[] {
  if (!Array.isArray(raw)) throw new InputError(field, `${field} must be an array, got ${describe(raw)}`);
  const steps = new Array<StoredStep>(raw.length);
  for (let i = 0; i < raw.length; i++) steps[i] = normalizeStep(raw[i], `${field}[${i}]`, i);
  return steps;
}

/** Reads `steps` or `flowSteps` (the documented alias); both at once is an error. */
function readSteps(body: JsonObject): StoredStep[] | undefined {
  const hasSteps = body.steps !== undefined;
  const hasFlowSteps = body.flowSteps !== undefined;
  if (hasSteps && hasFlowSteps) {
    throw new InputError('steps', 'send either steps or flowSteps, not both');
  }
  if (hasSteps) return normalizeSteps(body.steps, 'steps');
  if (hasFlowSteps) return normalizeSteps(body.flowSteps, 'flowSteps');
  return undefined;
}

function readName(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InputError('name', 'name must be a string of at least 1 character');
  }
  return value;
}

function readDescription(value: unknown): string | null {
  if (value !== null && typeof value !== 'string') {
    throw new InputError('description', 'description must be a string or null');
  }
  return value;
}

export interface CreateInput {
  name: string;
  description: string | null;
  steps: StoredStep[];
}

export function validateCreate(body: unknown): CreateInput {
  if (!isObject(body)) throw new InputError('body', `request body must be a JSON object, got ${describe(body)}`);
  if (body.name === undefined) throw new InputError('name', 'name is required');
  const name = readName(body.name);
  const description = body.description === undefined ? null : readDescription(body.description);
  return { name, description, steps: readSteps(body) ?? [] };
}

export interface UpdateInput {
  name?: string;
  description?: string | null;
  steps?: StoredStep[];
}

export function validateUpdate(body: unknown): UpdateInput {
  if (!isObject(body)) throw new InputError('body', `request body must be a JSON object, got ${describe(body)}`);
  const update: UpdateInput = {};
  if (body.name !== undefined) update.name = readName(body.name);
  if (body.description !== undefined) update.description = readDescription(body.description);
  const steps = readSteps(body);
  if (steps !== undefined) update.steps = steps;
  return update;
}

// --- internal ---

/** Refuses values nested deeper than MAX_CONFIG_DEPTH (see assumptions.ts for why). */
function checkDepth(value: unknown, field: string): void {
  if (nestsDeeperThan(value, MAX_CONFIG_DEPTH)) {
    throw new InputError(field, `${field} is nested more than ${MAX_CONFIG_DEPTH} levels deep`);
  }
}

/** Recursion depth is bounded by `levels`, so this never overflows the stack itself. */
function nestsDeeperThan(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (levels === 0) return true;
  if (Array.isArray(value)) return value.some((item) => nestsDeeperThan(item, levels - 1));
  for (const key in value) if (nestsDeeperThan((value as JsonObject)[key], levels - 1)) return true;
  return false;
}
