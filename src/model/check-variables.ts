import type { JsonValue } from '../errors.js';
import { classifyBuiltin, SYSTEM_VARIABLES } from './builtin-variables.js';
import { DiagnosticCodes as C } from './diagnostic-codes.js';
import { formatPath, type DiagnosticPath, type ReportDiagnostic } from './diagnostics.js';
import type { FlowStep } from './flow.js';
import type { StepContext } from './normalize-steps.js';
import { closestMatch } from './suggest.js';
import { templateRefs } from './template-refs.js';

/** What normalizeSteps learnt about the steps (see StepContext). */
export type StepFacts = Pick<StepContext, 'opaque' | 'positions'>;

/** What is defined at one point of the walk. */
interface Scope {
  defined: Set<string>;
  /** An earlier step's outputs are unknown (broken config): unknown names are not reported. */
  uncertain: boolean;
}

/**
 * Every `{{variable}}` in a step must come from the flow's inputs, an earlier
 * step's outputVariable (conditional branches included), or a built-in —
 * otherwise it is undefined at run time, silently. Walks steps in execution
 * order (by `order`, then position); a branch sees its own earlier steps,
 * later steps see both branches (a branch writes to the flow-level scope).
 */
export function checkVariables(
  inputs: readonly string[],
  steps: readonly FlowStep[],
  facts: StepFacts,
  report: ReportDiagnostic,
): void {
  const { opaque, positions } = facts;
  const definedSomewhere = new Map<string, DiagnosticPath>();
  collectOutputs(steps, ['steps'], positions, definedSomewhere);
  const checkRefs = (text: string, where: DiagnosticPath, scope: Scope) => {
    for (const { ref, root } of templateRefs(text)) {
      if (scope.defined.has(root)) continue;
      const builtin = classifyBuiltin(root);
      if (builtin.kind === 'builtin') continue;
      if (builtin.kind === 'invalid') {
        report({
          severity: 'error',
          code: C.UNKNOWN_VARIABLE,
          message: `{{${ref}}} ${builtin.message}`,
          path: where,
          hint: builtin.hint,
        });
        continue;
      }
      if (builtin.kind === 'undocumented-system') {
        report({
          severity: 'warning',
          code: C.UNKNOWN_SYSTEM_VARIABLE,
          message: `{{${ref}}} is not a documented system variable`,
          path: where,
          hint: `Documented: ${SYSTEM_VARIABLES.join(', ')}. It is sent as written.`,
        });
        continue;
      }
      const laterAt = definedSomewhere.get(root);
      if (laterAt) {
        const hint = inOtherBranch(where, laterAt)
          ? 'Only one branch of a conditional runs, so the other branch never defines it for ' +
            'this one: define it before the conditional, or in this branch too.'
          : 'Move this step after that one, or read a variable that exists at this point.';
        report({
          severity: 'error',
          code: C.VARIABLE_USED_BEFORE_DEFINED,
          message:
            `{{${ref}}} is defined only by ${formatPath(laterAt)}, which has not run at ` +
            `this point`,
          path: where,
          hint,
        });
      } else if (!scope.uncertain) {
        const suggestion = closestMatch(root, scope.defined);
        report({
          severity: 'error',
          code: C.UNKNOWN_VARIABLE,
          message:
            `{{${ref}}} is not defined: not an input, not an earlier step's ` +
            `outputVariable, not a built-in`,
          path: where,
          hint: suggestion
            ? `did you mean {{${suggestion}}}?`
            : scope.defined.size > 0
              ? `defined here: ${[...scope.defined].sort().join(', ')}; or declare it in the ` +
                `flow's inputs`
              : "declare it in the flow's inputs",
        });
      }
    }
  };
  const walk = (list: readonly FlowStep[], path: DiagnosticPath, scope: Scope): void => {
    for (const { step, index } of inExecutionOrder(list, positions)) {
      const at = [...path, index];
      if (step.when !== undefined) checkRefs(step.when, [...at, 'when'], scope);
      for (const [key, value] of Object.entries(step.config)) {
        if (isBranch(step, key)) continue;
        visitStrings(value, [...at, 'config', key], (text, where) => checkRefs(text, where, scope));
      }
      // Each branch starts from what was defined before the conditional; after it, either may have
      // run.
      const inners = branchesOf(step).map((branch) => {
        const inner: Scope = { defined: new Set(scope.defined), uncertain: scope.uncertain };
        walk(branch.steps, [...at, 'config', branch.name], inner);
        return inner;
      });
      for (const inner of inners) {
        for (const name of inner.defined) scope.defined.add(name);
        scope.uncertain ||= inner.uncertain;
      }
      const output = outputOf(step);
      if (output !== undefined) scope.defined.add(output);
      if (opaque.has(step)) scope.uncertain = true;
    }
  };
  walk(steps, ['steps'], { defined: new Set(inputs), uncertain: false });
}

// --- internal ---

/**
 * The variable a step writes: its outputVariable (set-variable: its
 * variableName). A misspelled outputVariable (reported as a typo already)
 * still counts, so the typo is not reported again at every use.
 */
function outputOf(step: FlowStep): string | undefined {
  const { config } = step;
  if (typeof config.outputVariable === 'string') return config.outputVariable;
  if (step.type === 'set-variable' && typeof config.variableName === 'string')
    return config.variableName;
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === 'string' && closestMatch(key, ['outputVariable']) === 'outputVariable')
      return value;
  }
  return undefined;
}

/** The two paths part ways at the two branches of one conditional. */
function inOtherBranch(a: DiagnosticPath, b: DiagnosticPath): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  const branches = new Set([a[i], b[i]]);
  return a[i - 1] === 'config' && branches.has('trueSteps') && branches.has('falseSteps');
}

function isBranch(step: FlowStep, key: string): boolean {
  return step.type === 'conditional' && (key === 'trueSteps' || key === 'falseSteps');
}

function branchesOf(step: FlowStep): { name: 'trueSteps' | 'falseSteps'; steps: FlowStep[] }[] {
  if (step.type !== 'conditional') return [];
  const out: { name: 'trueSteps' | 'falseSteps'; steps: FlowStep[] }[] = [];
  for (const name of ['trueSteps', 'falseSteps'] as const) {
    const list = step.config[name];
    if (Array.isArray(list)) out.push({ name, steps: list as unknown as FlowStep[] });
  }
  return out;
}

/** Steps run by `order` (the position unless a step gives one); ties keep their position. */
function inExecutionOrder(
  steps: readonly FlowStep[],
  positions: ReadonlyMap<FlowStep, number>,
): { step: FlowStep; index: number }[] {
  return steps
    .map((step, i) => ({ step, index: positions.get(step) ?? i }))
    .sort((a, b) => a.step.order - b.step.order || a.index - b.index);
}

function collectOutputs(
  steps: readonly FlowStep[],
  path: DiagnosticPath,
  positions: ReadonlyMap<FlowStep, number>,
  into: Map<string, DiagnosticPath>,
): void {
  steps.forEach((step, i) => {
    const at = [...path, positions.get(step) ?? i];
    const output = outputOf(step);
    if (output !== undefined && !into.has(output)) into.set(output, at);
    for (const branch of branchesOf(step))
      collectOutputs(branch.steps, [...at, 'config', branch.name], positions, into);
  });
}

function visitStrings(
  value: JsonValue,
  path: DiagnosticPath,
  visit: (text: string, path: DiagnosticPath) => void,
): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => visitStrings(v, [...path, i], visit));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) visitStrings(v, [...path, k], visit);
}
