import type { JsonValue } from '../errors.js';
import type { Diagnostic } from './diagnostics.js';
import { DiagnosticCodes as C } from './diagnostic-codes.js';
import type { FlowStep } from './flow.js';
import { closestMatch } from './suggest.js';
import { templateRefs } from './template-refs.js';

type Path = (string | number)[];
type Report = (d: Omit<Diagnostic, 'file' | 'flowKey'>) => void;

/** Documented built-ins (runtype-api.md §5). Any `_`-prefixed root is a system variable too. */
const BUILT_INS = new Set(['messages', 'user_message', 'secrets']);

/**
 * Every `{{variable}}` in a step must come from the flow's inputs, an earlier
 * step's outputVariable (conditional branches included), or a built-in —
 * otherwise it is undefined at run time, silently. Walks steps in execution
 * order; a branch sees its own earlier steps, later steps see both branches.
 */
export function checkVariables(inputs: readonly string[], steps: readonly FlowStep[], report: Report): void {
  const laterOutputs = new Map<string, Path>();
  collectOutputs(steps, ['steps'], laterOutputs);
  walk(steps, ['steps'], new Set(inputs), laterOutputs, report);
}

// --- internal ---

function walk(steps: readonly FlowStep[], path: Path, defined: Set<string>, all: Map<string, Path>, report: Report): Set<string> {
  steps.forEach((step, index) => {
    const at = [...path, index];
    const check = (text: string, where: Path) => {
      for (const { ref, root } of templateRefs(text)) {
        if (root.startsWith('_') || root.startsWith('secret:') || BUILT_INS.has(root) || defined.has(root)) continue;
        const laterAt = all.get(root);
        if (laterAt) {
          report({ severity: 'error', code: C.VARIABLE_USED_BEFORE_DEFINED, message: `{{${ref}}} is used before the step that defines it (${render(laterAt)})`, path: where, hint: 'Move this step after that one, or read a variable that exists at this point.' });
          continue;
        }
        const suggestion = closestMatch(root, defined);
        report({
          severity: 'error',
          code: C.UNKNOWN_VARIABLE,
          message: `{{${ref}}} is not defined: not an input, not an earlier step's outputVariable, not a built-in`,
          path: where,
          hint: suggestion ? `did you mean {{${suggestion}}}?` : defined.size > 0 ? `defined here: ${[...defined].sort().join(', ')}; or declare it in inputs` : 'declare it in the flow\'s inputs',
        });
      }
    };
    if (step.when) check(step.when, [...at, 'when']);
    for (const [key, value] of Object.entries(step.config)) {
      if (step.type === 'conditional' && (key === 'trueSteps' || key === 'falseSteps')) continue;
      visitStrings(value, [...at, 'config', key], check);
    }
    if (step.type === 'conditional') {
      const branchOutputs: string[] = [];
      for (const branch of ['trueSteps', 'falseSteps'] as const) {
        const list = step.config[branch] as unknown as FlowStep[] | undefined;
        if (Array.isArray(list)) branchOutputs.push(...walk(list, [...at, 'config', branch], new Set(defined), all, report));
      }
      for (const name of branchOutputs) defined.add(name);
    }
    const output = step.config.outputVariable;
    if (typeof output === 'string') defined.add(output);
    if (step.type === 'set-variable' && typeof step.config.variableName === 'string') defined.add(step.config.variableName);
  });
  return defined;
}

function collectOutputs(steps: readonly FlowStep[], path: Path, into: Map<string, Path>): void {
  steps.forEach((step, index) => {
    const at = [...path, index];
    const output = step.config.outputVariable ?? (step.type === 'set-variable' ? step.config.variableName : undefined);
    if (typeof output === 'string' && !into.has(output)) into.set(output, at);
    for (const branch of ['trueSteps', 'falseSteps']) {
      const list = step.type === 'conditional' ? (step.config[branch] as unknown as FlowStep[] | undefined) : undefined;
      if (Array.isArray(list)) collectOutputs(list, [...at, 'config', branch], into);
    }
  });
}

function visitStrings(value: JsonValue, path: Path, visit: (text: string, path: Path) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => visitStrings(v, [...path, i], visit));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visitStrings(v, [...path, k], visit);
}

function render(path: Path): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
}
