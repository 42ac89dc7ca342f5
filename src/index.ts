/**
 * runtype-flows — the authoring API a project's `flows/*.ts` and
 * `runtype.config.ts` import. Side-effect free, and it loads nothing but the
 * model (no HTTP client, no CLI, no file watcher).
 */
export { defineConfig, defineFlow } from './model/define.js';
export * from './model/step-helpers.js';
export type { FlowDefinition } from './model/define.js';
export type { ConfigInput, EnvironmentInput } from './model/config.js';
export type { Flow, FlowInput, FlowStep } from './model/flow.js';
export type { KnownStepType } from './model/step-configs.js';
export type { ConditionalConfig, CustomStepInput, KnownStepInput, Step, StepCommon, StepConfigInput, StepInput } from './model/step-types.js';
export type { StepOptions } from './model/step-helpers.js';
