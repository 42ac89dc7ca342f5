import type { JsonValue } from '../errors.js';
import { checkStepConfig } from './check-step-config.js';
import { checkStepType } from './check-step-type.js';
import { isCustomStep } from './custom-step.js';
import { DiagnosticCodes as C } from './diagnostic-codes.js';
import { formatPath, type DiagnosticPath, type ReportDiagnostic } from './diagnostics.js';
import type { FlowStep } from './flow.js';
import { defaultStepId } from './step-id.js';
import { STEP_FIELDS, StepShapeSchema } from './step-schema.js';
import { closestMatch } from './suggest.js';
import { friendlyMessage, zodPath } from './zod-message.js';

/**
 * The API accepts conditionals nested this deep, and fails validation beyond (runtype-api.md §4).
 */
export const MAX_CONDITIONAL_DEPTH = 10;

export interface StepContext {
  report: ReportDiagnostic;
  /** Every step id seen so far in the flow, branches included, with where it was. */
  seenIds: Map<string, DiagnosticPath>;
  /**
   * Steps whose outputs cannot be known because their config could not be
   * read: the variable check stays quiet after them rather than report
   * variables they may well define.
   */
  opaque: Set<FlowStep>;
  /** Each step's position in its source list (a list that held a non-object keeps fewer steps). */
  positions: Map<FlowStep, number>;
  /** The config's extraStepTypes: accepted besides the API's list, config unchecked. */
  extraStepTypes: ReadonlySet<string>;
}

export function createStepContext(
  report: ReportDiagnostic,
  extraStepTypes: readonly string[] = [],
): StepContext {
  const extra = new Set(extraStepTypes);
  return {
    report,
    seenIds: new Map(),
    opaque: new Set(),
    positions: new Map(),
    extraStepTypes: extra,
  };
}

/**
 * Checks and normalises a list of steps, recursing into conditional
 * branches: defaults filled (id from the name, order from the position,
 * enabled true, config {}), every problem reported with its path. Broken
 * steps are still returned, filled in as far as possible, so later checks
 * (template variables) see the whole flow; parseFlow returns no flow at all
 * when anything was an error.
 */
export function normalizeSteps(
  steps: readonly JsonValue[],
  path: DiagnosticPath,
  ctx: StepContext,
  depth = 0,
): FlowStep[] {
  const out: FlowStep[] = [];
  steps.forEach((raw, index) => {
    const at = [...path, index];
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      // null is also what a value JSON cannot carry became: parseFlow drops this follow-on report.
      ctx.report({
        severity: 'error',
        code: C.STEP_INVALID,
        message: 'a step must be an object { id, name, type, config } or made by a step helper',
        path: at,
      });
      return;
    }
    const step = normalizeStep(raw, at, index, ctx, depth);
    ctx.positions.set(step, index);
    out.push(step);
  });
  reportSharedOrders(out, path, ctx);
  return out;
}

// --- internal ---

function normalizeStep(
  raw: { [key: string]: JsonValue },
  at: DiagnosticPath,
  index: number,
  ctx: StepContext,
  depth: number,
): FlowStep {
  const { report } = ctx;
  const custom = isCustomStep(raw);
  checkStepType(raw.type, at, report, { custom, extraStepTypes: ctx.extraStepTypes });
  let opaque = false;
  for (const key of Object.keys(raw)) {
    if (STEP_FIELDS.includes(key)) continue;
    const suggestion = closestMatch(key, STEP_FIELDS);
    if (suggestion === 'config') opaque = true;
    report({
      severity: 'error',
      code: C.STEP_FIELD_UNKNOWN,
      message: `unknown step field "${key}"`,
      path: [...at, key],
      hint: suggestion
        ? `did you mean "${suggestion}"?`
        : `a step has ${STEP_FIELDS.join(', ')}; type-specific fields such as outputVariable go ` +
          `in config`,
    });
  }
  const parsed = StepShapeSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      report({
        severity: 'error',
        code: C.STEP_INVALID,
        message: friendlyMessage(issue),
        path: [...at, ...zodPath(issue)],
      });
  }
  const type = typeof raw.type === 'string' ? raw.type : '';
  const name = typeof raw.name === 'string' ? raw.name : '';
  const rawConfig = raw.config;
  const configIsObject =
    rawConfig !== null && typeof rawConfig === 'object' && !Array.isArray(rawConfig);
  // Not an object: reported above; checking its fields would only repeat that.
  if (rawConfig !== undefined && !configIsObject) opaque = true;
  const config = configIsObject ? rawConfig : {};
  // customStep() says the config is not modelled: sent as written, like a type of extraStepTypes.
  if (!opaque && !custom) checkStepConfig(type, config, [...at, 'config'], report);
  if (type === 'conditional') normalizeBranches(config, at, ctx, depth + 1);

  const id = typeof raw.id === 'string' ? raw.id : defaultStepId(name);
  if (id !== '') registerId(id, raw.id === undefined ? 'name' : 'id', at, ctx);
  const step: FlowStep = {
    id,
    name,
    type,
    order:
      typeof raw.order === 'number' && Number.isInteger(raw.order) && raw.order >= 0
        ? raw.order
        : index + 1,
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : true,
    config,
    ...(typeof raw.when === 'string' ? { when: raw.when } : {}),
  };
  if (opaque) ctx.opaque.add(step);
  return step;
}

/**
 * Branch steps are normalised in place: the config then holds FlowStep[] (as JSON) in trueSteps /
 * falseSteps.
 */
function normalizeBranches(
  config: { [key: string]: JsonValue },
  at: DiagnosticPath,
  ctx: StepContext,
  depth: number,
): void {
  if (depth > MAX_CONDITIONAL_DEPTH) {
    ctx.report({
      severity: 'error',
      code: C.CONDITIONAL_TOO_DEEP,
      message:
        `conditionals are nested ${depth} levels deep; the API accepts at most ` +
        `${MAX_CONDITIONAL_DEPTH}`,
      path: at,
      hint:
        'Flatten the logic: combine conditions with && / ||, gate single steps with `when`, ' +
        'or compute a decision in a transform-data step.',
    });
  }
  for (const branch of ['trueSteps', 'falseSteps'] as const) {
    const list = config[branch];
    if (Array.isArray(list))
      config[branch] = normalizeSteps(
        list,
        [...at, 'config', branch],
        ctx,
        depth,
      ) as unknown as JsonValue;
  }
}

function registerId(id: string, field: 'id' | 'name', at: DiagnosticPath, ctx: StepContext): void {
  const previous = ctx.seenIds.get(id);
  if (!previous) {
    ctx.seenIds.set(id, at);
    return;
  }
  ctx.report({
    severity: 'error',
    code: C.DUPLICATE_STEP_ID,
    message: `step id "${id}" is already used by ${formatPath(previous)}`,
    path: [...at, field],
    hint:
      field === 'name'
        ? 'This step has no id, so its id comes from its name; give it an explicit, unique id.'
        : 'Step ids must be unique within a flow, branches included.',
  });
}

/** Equal orders leave the relative order of two steps to the API: warn, naming the other step. */
function reportSharedOrders(
  steps: readonly FlowStep[],
  path: DiagnosticPath,
  ctx: StepContext,
): void {
  const first = new Map<number, number>();
  steps.forEach((step, i) => {
    const position = ctx.positions.get(step) ?? i;
    const other = first.get(step.order);
    if (other === undefined) {
      first.set(step.order, position);
      return;
    }
    ctx.report({
      severity: 'warning',
      code: C.DUPLICATE_STEP_ORDER,
      message: `order ${step.order} is also the order of ${formatPath([...path, other])}`,
      path: [...path, position],
      hint:
        'Give every step of a list its own order, or leave order out everywhere so the ' +
        'position decides.',
    });
  });
}
