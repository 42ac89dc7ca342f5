/**
 * The documented step request rules (POST/PUT /v1/flows), checked by hand (no schema library
 * on the hot path). Every problem is collected, one per field: a 400 names them all.
 */
import { MAX_CONFIG_DEPTH, STEP_DEFAULTS, VALIDATION_CODES as C } from './assumptions.js';
import type { ErrorDetail } from './error-body.js';
import { newStepId } from './ids.js';
import { STEP_TYPES } from './step-types.js';
import { enumSuggestion } from './suggest.js';
import type { JsonObject, StoredStep } from './types.js';

export type Issue = ErrorDetail & { code: string; path: string };

const STEP_ID_PATTERN = /^[A-Za-z0-9_\-:.]+$/;
const MAX_STEP_ID_LENGTH = 128;
const MAX_WHEN_LENGTH = 500;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * Checks one step; pushes its problems to `issues` and returns the stored form when it has none.
 */
export function readStep(
  raw: unknown,
  path: string,
  position: number,
  types: ReadonlySet<string>,
  issues: Issue[],
): StoredStep | undefined {
  if (!isObject(raw)) {
    issues.push({
      code: C.invalidType,
      path,
      message: `${path} must be an object, got ${describe(raw)}`,
    });
    return undefined;
  }
  const before = issues.length;
  const { id, type, name, config, enabled, order, when } = raw;
  checkType(type, `${path}.type`, types, issues);
  checkString(name, `${path}.name`, { required: true, min: 1 }, issues);
  checkId(id, `${path}.id`, issues);
  checkOrder(order, `${path}.order`, issues);
  if (enabled !== undefined && typeof enabled !== 'boolean') {
    issues.push(typeIssue(`${path}.enabled`, 'a boolean', enabled));
  }
  checkString(when, `${path}.when`, { required: false, min: 0, max: MAX_WHEN_LENGTH }, issues);
  checkConfig(config, `${path}.config`, issues);
  if (issues.length > before) return undefined;
  const step: StoredStep = {
    id: (id as string | undefined) ?? newStepId(),
    type: type as string,
    name: name as string,
    config: isObject(config) ? config : STEP_DEFAULTS.config(),
    enabled: (enabled as boolean | undefined) ?? STEP_DEFAULTS.enabled,
    order: (order as number | undefined) ?? STEP_DEFAULTS.order(position),
  };
  // Any JSON value is a config (the request schema says `config: {}`); kept as sent.
  if (config !== undefined && !isObject(config)) step.rawConfig = config;
  if (when !== undefined) step.when = when as string;
  return step;
}

/** A string field; pushes at most one issue. */
export function checkString(
  value: unknown,
  path: string,
  rule: { required: boolean; min: number; max?: number },
  issues: Issue[],
): void {
  if (value === undefined) {
    if (rule.required) issues.push({ code: C.missing, path, message: `${path} is required` });
    return;
  }
  if (typeof value !== 'string') {
    issues.push(typeIssue(path, 'a string', value));
    return;
  }
  // JSON Schema counts characters (code points), not UTF-16 units: an emoji is one.
  const length = value.length <= 1 ? value.length : characterCount(value);
  if (length < rule.min) {
    const plural = rule.min === 1 ? '' : 's';
    const message = `${path} must be at least ${rule.min} character${plural} long`;
    issues.push({ code: C.tooShort, path, message });
  } else if (rule.max !== undefined && length > rule.max) {
    const message = `${path} must be at most ${rule.max} characters long, got ${length}`;
    issues.push({ code: C.tooLong, path, message });
  }
}

export function typeIssue(path: string, expected: string, value: unknown): Issue {
  return {
    code: C.invalidType,
    path,
    message: `${path} must be ${expected}, got ${describe(value)}`,
  };
}

// --- internal ---

function checkType(type: unknown, path: string, types: ReadonlySet<string>, issues: Issue[]): void {
  if (type === undefined) issues.push({ code: C.missing, path, message: `${path} is required` });
  else if (typeof type !== 'string') issues.push(typeIssue(path, 'a string', type));
  else if (!types.has(type)) {
    const extra = [...types].filter((t) => !(STEP_TYPES as readonly string[]).includes(t));
    issues.push({
      code: C.invalidEnum,
      path,
      message: `${path} ${JSON.stringify(type)} is not a known step type`,
      suggestion: enumSuggestion(type, [...STEP_TYPES, ...extra]),
    });
  }
}

function checkId(id: unknown, path: string, issues: Issue[]): void {
  const before = issues.length;
  checkString(id, path, { required: false, min: 1, max: MAX_STEP_ID_LENGTH }, issues);
  if (typeof id === 'string' && issues.length === before && !STEP_ID_PATTERN.test(id)) {
    issues.push({
      code: C.invalidFormat,
      path,
      message: `${path} ${JSON.stringify(id)} may only contain letters, digits, _ - : and .`,
      suggestion:
        `Use an id matching ${STEP_ID_PATTERN.source}, ` + `e.g. ${JSON.stringify(safeId(id))}`,
    });
  }
}

function checkOrder(order: unknown, path: string, issues: Issue[]): void {
  if (order === undefined) return;
  if (typeof order !== 'number' || !Number.isFinite(order))
    issues.push(typeIssue(path, 'an integer', order));
  else if (!Number.isInteger(order)) {
    issues.push({ code: C.notInteger, path, message: `${path} must be an integer, got ${order}` });
  } else if (order < 0)
    issues.push({ code: C.tooSmall, path, message: `${path} must be at least 0, got ${order}` });
}

/** Any JSON value is a config (the request schema leaves it untyped); only its depth is bounded. */
function checkConfig(config: unknown, path: string, issues: Issue[]): void {
  if (config === undefined) return;
  if (nestsDeeperThan(config, MAX_CONFIG_DEPTH)) {
    const message = `${path} is nested more than ${MAX_CONFIG_DEPTH} levels deep`;
    issues.push({ code: C.tooDeep, path, message });
  }
}

/** Unicode code points in a string (a lone surrogate counts as one). */
function characterCount(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}

/** The id with every run of disallowed characters replaced by `_` (for the suggestion). */
function safeId(id: string): string {
  return id.replace(/[^\w\-:.]+/g, '_');
}

/** Recursion depth is bounded by `levels`, so this never overflows the stack itself. */
function nestsDeeperThan(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (levels === 0) return true;
  if (Array.isArray(value)) return value.some((item) => nestsDeeperThan(item, levels - 1));
  for (const key in value) if (nestsDeeperThan((value as JsonObject)[key], levels - 1)) return true;
  return false;
}
