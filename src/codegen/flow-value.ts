import type { JsonValue } from '../model/index.js';
import { isWrittenStep, type WrittenFlow, type WrittenItem } from './written-flow.js';

/**
 * The value the generated module's `defineFlow({...})` evaluates to (what
 * the helpers return is plain API-shaped data): parseFlow of it gives the
 * code's payload and content hash without importing the file.
 */
export function flowValue(flow: WrittenFlow): { [key: string]: JsonValue } {
  return {
    key: flow.key,
    name: flow.name,
    ...(flow.inputs.length > 0 ? { inputs: flow.inputs } : {}),
    steps: flow.steps.map(stepValue),
  };
}

export function stepValue(item: WrittenItem): JsonValue {
  if (!isWrittenStep(item)) return item.raw;
  const config: { [key: string]: JsonValue } = {};
  for (const [field, value] of Object.entries(item.config)) {
    const branch = item.branches[field as keyof typeof item.branches];
    config[field] = branch ? branch.map(stepValue) : value;
  }
  return { id: item.id, type: item.type, ...item.common, config };
}
