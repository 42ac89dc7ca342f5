/**
 * codegen/: remote flows as TypeScript modules (`pull`). Pure functions from
 * a remote flow to source text, and the ts-morph edit of an existing module.
 * Loaded lazily: only `pull` pays for ts-morph.
 */
export { flowKeyOf, uniqueName } from './flow-key.js';
export { flowValue } from './flow-value.js';
export { moduleSource } from './module-source.js';
export { toWrittenFlow } from './to-written.js';
export type { PullNote, WrittenFlow } from './written-flow.js';
export { checkWritten } from './written-check.js';
export { editFlowFile, type FlowFileEdit } from './edit-flow-file.js';
export type { ComputedValue } from './edit-context.js';
