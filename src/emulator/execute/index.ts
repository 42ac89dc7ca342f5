/**
 * The flow executor: `executeFlow(request, options)` runs a dispatch request's inline flow and
 * yields the document's flow events (README.md beside this file). The emulator's
 * POST /v1/dispatch streams the same events.
 */
export { executeFlow, runFlow } from './execute-flow.js';
export type { ExecuteOptions } from './execute-flow.js';
export * from './flow-events.js';
export * from './flow-events-other.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { ExecuteLimits } from './limits.js';
export { fromSchema, mockCost, mockModel, tokens } from './mock-model.js';
export type { ModelAnswer, ModelCall } from './mock-model.js';
export { parseDispatchRequest } from './parse-request.js';
export type { ParseOptions } from './parse-request.js';
export type {
  DispatchFlow,
  DispatchMessage,
  DispatchOptions,
  DispatchRecord,
  DispatchRequest,
  DispatchStep,
} from './request.js';
export { DispatchRefused } from './run-flow-input.js';
export type { RunInput } from './run-flow-input.js';
export { ScriptSandbox } from './sandbox/sandbox.js';
export { InputError } from '../validate.js';
