/**
 * runtype-flows — the authoring API a project's `flows/*.ts` and
 * `runtype.config.ts` import. Side-effect free, and it loads nothing but the
 * model (no HTTP client, no CLI, no file watcher), so importing a flow stays
 * cheap in watch mode.
 */
export { defineConfig, defineFlow, isFlowDefinition } from './model/define.js';
export * from './model/step-helpers.js';
export type { FlowDefinition } from './model/define.js';
export type { ConfigInput, EnvironmentInput } from './model/config.js';
export type { Diagnostic, Severity } from './model/diagnostics.js';
export type { Flow, FlowInput, FlowStep } from './model/flow.js';
export type { JsonValue, KnownStepType } from './model/index.js';
export type {
  ConditionalConfig,
  CustomStepInput,
  KnownStepInput,
  Step,
  StepCommon,
  StepConfigInput,
  StepInput,
} from './model/step-types.js';
export type { StepOptions } from './model/step-helpers.js';
