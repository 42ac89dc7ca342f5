import type { JsonValue } from '../model/index.js';

/**
 * A pulled flow in the form its module is written in: what `defineFlow`
 * will be given, decided field by field (defaults left out, the helper to
 * use), before it is laid out as text (flow-source.ts) or evaluated to the
 * value that text produces (flow-value.ts).
 */
export interface WrittenFlow {
  key: string;
  name: string;
  inputs: string[];
  steps: WrittenItem[];
}

export type WrittenItem = WrittenStep | { raw: JsonValue };

export interface WrittenStep {
  id: string;
  type: string;
  /** The typed helper (`prompt`, `sendEmail`, …); absent: `customStep`, whose config is open. */
  helper?: string;
  /**
   * Step-level fields as written: `enabled` only when false, `order` only when not the position.
   */
  common: { name: string; enabled?: false; order?: number; when?: string };
  /** Config fields in the response's order; a conditional's branches are in `branches` instead. */
  config: Record<string, JsonValue>;
  branches: Partial<Record<BranchKey, WrittenItem[]>>;
}

export type BranchKey = 'trueSteps' | 'falseSteps';

/** Something the output must say about a pulled flow (a default filled in, a value left as is). */
export interface PullNote {
  /** Where, as diagnostics print paths: `steps[2].config.trueSteps[0].name`. */
  path: string;
  message: string;
}

export function isWrittenStep(item: WrittenItem): item is WrittenStep {
  return !('raw' in item);
}
