import { stepValue } from './flow-value.js';
import { jsonDoc, objectDoc } from './json-doc.js';
import type { JsonValue } from '../model/index.js';
import { layout, text, type Doc } from './layout.js';
import { stringLiteral } from './string-literal.js';
import {
  isWrittenStep,
  type WrittenFlow,
  type WrittenItem,
  type WrittenStep,
} from './written-flow.js';

/** The package flows import their helpers from. */
export const PACKAGE_NAME = 'runtype-flows';

/**
 * The `defineFlow({...})` argument of a pulled flow, laid out as the
 * hand-written flows are (`key`, `name`, `inputs`, `steps`; one step a
 * helper call), and the names it needs imported.
 */
export function flowObjectSource(
  flow: WrittenFlow,
  indent = 0,
): { text: string; imports: Set<string> } {
  const imports = new Set<string>(['defineFlow']);
  const entries: [string, Doc][] = [
    ['key', text(stringLiteral(flow.key))],
    ['name', text(stringLiteral(flow.name))],
  ];
  if (flow.inputs.length > 0) entries.push(['inputs', jsonDoc(flow.inputs)]);
  entries.push(['steps', { kind: 'array', items: flow.steps.map((s) => stepDoc(s, imports)) }]);
  const object: Doc = { kind: 'object', entries };
  return { text: layout(object, indent, indent + 'export default defineFlow('.length, 2), imports };
}

/** One step as source (`prompt('id', {...})`), at the given indent. */
export function stepSource(item: WrittenItem, indent: number, imports: Set<string>): string {
  return layout(stepDoc(item, imports), indent, indent, 1);
}

/** The module's body after its import: `export default defineFlow({...});`. */
export function exportStatement(flow: WrittenFlow): { text: string; imports: string[] } {
  const { text: object, imports } = flowObjectSource(flow);
  return { text: `export default defineFlow(${object});`, imports: [...imports].sort() };
}

// --- internal ---

function stepDoc(item: WrittenItem, imports: Set<string>): Doc {
  if (!isWrittenStep(item)) return jsonDoc(item.raw);
  const common = commonEntries(item);
  if (item.helper !== undefined) {
    imports.add(item.helper);
    return {
      kind: 'call',
      callee: item.helper,
      args: [text(stringLiteral(item.id)), objectDoc([...common, ...configEntries(item, imports)])],
    };
  }
  imports.add('customStep');
  // Its config is typed as JSON, which a helper's step (optional fields) is not: branches stay
  // data.
  const config = Object.entries(stepValueConfig(item)).map(
    ([field, value]) => [field, jsonDoc(value)] as const,
  );
  const options = objectDoc([...common, ['config', objectDoc(config)]]);
  return {
    kind: 'call',
    callee: 'customStep',
    args: [text(stringLiteral(item.type)), text(stringLiteral(item.id)), options],
  };
}

function stepValueConfig(step: WrittenStep): { [key: string]: JsonValue } {
  const value = stepValue(step) as { config: { [key: string]: JsonValue } };
  return value.config;
}

function commonEntries(step: WrittenStep): [string, Doc][] {
  return Object.entries(step.common).map(([field, value]) => [field, jsonDoc(value)]);
}

function configEntries(step: WrittenStep, imports: Set<string>): [string, Doc][] {
  return Object.entries(step.config).map(([field, value]) => {
    const branch = step.branches[field as keyof typeof step.branches];
    return [
      field,
      branch ? { kind: 'array', items: branch.map((s) => stepDoc(s, imports)) } : jsonDoc(value),
    ];
  });
}
