/**
 * A dispatch request's step list into RunSteps: each step checked by the documented step rules
 * (validate-step.ts, as for POST /v1/flows), a conditional's `trueSteps` / `falseSteps` parsed
 * the same way (at most `maxDepth` branch levels deep), disabled steps dropped, and an id given
 * to every step without one: `step_<n>` (1-based position) at the top, `<parent>.true.<n>` /
 * `<parent>.false.<n>` in a branch — deterministic, so a test can supply its output by id.
 */
import { VALIDATION_CODES as C } from '../assumptions.js';
import { readStep, typeIssue } from '../validate-step.js';
import type { Issue } from '../validate-step.js';
import type { RunStep } from './run-flow-input.js';

export function readSteps(
  raw: unknown,
  path: string,
  types: ReadonlySet<string>,
  issues: Issue[],
  maxDepth: number,
): RunStep[] | undefined {
  return readList(raw, path, types, issues, { maxDepth, depth: 0, idPrefix: 'step_' });
}

// --- internal ---

interface Where {
  maxDepth: number;
  /** Branch levels above this list (0 at the top). */
  depth: number;
  /** Prefix of the ids of steps that have none. */
  idPrefix: string;
}

function readList(
  raw: unknown,
  path: string,
  types: ReadonlySet<string>,
  issues: Issue[],
  where: Where,
): RunStep[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    issues.push(typeIssue(path, 'an array', raw));
    return undefined;
  }
  const steps: RunStep[] = [];
  raw.forEach((item: unknown, i) => {
    const at = `${path}.${i}`;
    const stored = readStep(item, at, i, types, issues);
    if (stored === undefined || !stored.enabled) return;
    const hasId = typeof (item as { id?: unknown }).id === 'string';
    const step: RunStep = {
      id: hasId ? stored.id : `${where.idPrefix}${i + 1}`,
      name: stored.name,
      type: stored.type,
      config: stored.config,
      path: at,
    };
    if (stored.when !== undefined) step.when = stored.when;
    if (step.type === 'conditional') step.branches = readBranches(step, types, issues, where);
    steps.push(step);
  });
  return steps;
}

function readBranches(
  step: RunStep,
  types: ReadonlySet<string>,
  issues: Issue[],
  where: Where,
): NonNullable<RunStep['branches']> {
  const branch = (key: 'trueSteps' | 'falseSteps', label: string): RunStep[] => {
    const path = `${step.path}.config.${key}`;
    const raw = step.config[key];
    if (raw !== undefined && where.depth + 1 > where.maxDepth) {
      const message = `${path}: conditionals may nest at most ${where.maxDepth} levels deep`;
      issues.push({ code: C.tooDeep, path, message });
      return [];
    }
    const next = { ...where, depth: where.depth + 1, idPrefix: `${step.id}.${label}.` };
    return readList(raw, path, types, issues, next) ?? [];
  };
  return { trueSteps: branch('trueSteps', 'true'), falseSteps: branch('falseSteps', 'false') };
}
