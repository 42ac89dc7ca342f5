/**
 * The model: what a flow is (zod schemas, TypeScript types), how a written
 * flow is checked and normalised (parseFlow), and the cross-flow rules
 * (checkFlowSet). Pure: no I/O, no Node APIs, no clock.
 */
export type { JsonValue } from '../errors.js';
export { checkFlowSet } from './check-flow-set.js';
export { CUSTOM_STEP_BRAND } from './custom-step-brand.js';
export { isCustomStep } from './custom-step.js';
export {
  DEFAULT_API_KEY_ENV,
  DEFAULT_FLOW_GLOBS,
  PRODUCTION_API_URL,
  resolveConfig,
  type ConfigInput,
  type ResolvedConfig,
  type ResolvedEnvironment,
} from './config.js';
export {
  defineConfig,
  defineFlow,
  FLOW_BRAND,
  isFlowDefinition,
  type FlowDefinition,
} from './define.js';
export { DiagnosticCodes, type DiagnosticCode } from './diagnostic-codes.js';
export {
  countBySeverity,
  formatPath,
  hasErrors,
  type Diagnostic,
  type DiagnosticPath,
  type ReportDiagnostic,
  type Severity,
} from './diagnostics.js';
export type { Flow, FlowInput, FlowStep } from './flow.js';
export { FLOW_KEY_PATTERN, FlowInputSchema } from './flow-schema.js';
export { MAX_CONDITIONAL_DEPTH } from './normalize-steps.js';
export { parseFlow, type ParseFlowOptions, type ParseResult } from './parse-flow.js';
export {
  KNOWN_STEP_TYPES,
  isKnownStepType,
  stepConfigSchemas,
  type KnownStepType,
} from './step-configs.js';
export * from './step-helpers.js';
export type {
  ConditionalConfig,
  CustomStepInput,
  KnownStepInput,
  Step,
  StepCommon,
  StepConfigInput,
  StepInput,
} from './step-types.js';
export { templateRefs, type TemplateRef } from './template-refs.js';
