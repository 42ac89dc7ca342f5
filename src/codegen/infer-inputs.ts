import { templateRefs, type JsonValue } from '../model/index.js';
import { classifyBuiltin } from '../model/builtin-variables.js';
import {
  isWrittenStep,
  type PullNote,
  type WrittenItem,
  type WrittenStep,
} from './written-flow.js';

/**
 * The flow's `inputs`: every template variable a step reads that no earlier
 * step defines (its outputVariable, a set-variable's variableName) and that
 * is not a built-in (`_record.*`, `secret:NAME`, …), in order of first use.
 * Walked in execution order with the scoping `validate` uses
 * (model/check-variables.ts), so the pulled flow declares exactly what its
 * variable check asks for. A reference `validate` will reject whatever the
 * inputs (`{{_recrod.id}}`) is noted instead.
 */
export function inferInputs(steps: readonly WrittenItem[], notes: PullNote[]): string[] {
  const inputs = new Set<string>();
  const read = (text: string, where: string, scope: ReadonlySet<string>) => {
    for (const { ref, root } of templateRefs(text)) {
      if (scope.has(root) || inputs.has(root)) continue;
      const builtin = classifyBuiltin(root);
      if (builtin.kind === 'invalid')
        notes.push({
          path: where,
          message: `{{${ref}}} ${builtin.message}; validate will report it`,
        });
      else if (builtin.kind === 'not-builtin' && INPUT_NAME.test(root)) inputs.add(root);
    }
  };
  const walk = (list: readonly WrittenItem[], path: string, scope: Set<string>): void => {
    for (const { step, index } of inExecutionOrder(list)) {
      const at = `${path}[${index}]`;
      if (step.common.when !== undefined) read(step.common.when, `${at}.when`, scope);
      for (const [field, value] of Object.entries(step.config)) {
        if (field in step.branches) continue;
        visitStrings(value, (text) => read(text, `${at}.config.${field}`, scope));
      }
      // A branch starts from what was defined before the conditional; after it, either may have
      // run.
      for (const [name, branch] of Object.entries(step.branches)) {
        const inner = new Set(scope);
        walk(branch, `${at}.config.${name}`, inner);
        for (const v of inner) scope.add(v);
      }
      const output = outputOf(step);
      if (output !== undefined) scope.add(output);
    }
  };
  walk(steps, 'steps', new Set());
  return [...inputs];
}

// --- internal ---

/** What `defineFlow`'s `inputs` accepts (flow-schema.ts). */
const INPUT_NAME = /^[A-Za-z_][\w.-]*$/;

function outputOf(step: WrittenStep): string | undefined {
  const { config } = step;
  if (typeof config.outputVariable === 'string') return config.outputVariable;
  if (step.type === 'set-variable' && typeof config.variableName === 'string')
    return config.variableName;
  return undefined;
}

/** By `order` (the position when not written), ties in list order: how the API runs them. */
function inExecutionOrder(list: readonly WrittenItem[]): { step: WrittenStep; index: number }[] {
  return list
    .map((item, index) => ({ item, index }))
    .filter((e): e is { item: WrittenStep; index: number } => isWrittenStep(e.item))
    .map(({ item, index }) => ({ step: item, index, order: item.common.order ?? index + 1 }))
    .sort((a, b) => a.order - b.order || a.index - b.index);
}

function visitStrings(value: JsonValue, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) value.forEach((v) => visitStrings(v, visit));
  else if (value !== null && typeof value === 'object')
    for (const v of Object.values(value)) visitStrings(v, visit);
}
