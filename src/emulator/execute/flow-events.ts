/**
 * The flow events of a dispatch stream, exactly as the document has them: the non-agent members
 * of `DispatchSSEEvent` in openapi/runtype-dispatch.openapi.json (what runtype-api.md §7 calls
 * `FlowSSEEvent`). One zod schema, and so one TypeScript type, per event type; every field is
 * optional unless the document requires it. The schemas are loose (unknown fields are kept), so
 * a client can parse what a newer API sends; test/contract/flow-events.test.ts holds their field
 * lists and required sets to the document. Tool, text and artifact events are in
 * flow-events-other.ts (the emulator emits none of them, a client may receive them).
 */
import { z } from 'zod';
import { otherFlowEventSchemas } from './flow-events-other.js';

const str = z.string();
const num = z.number();
const optional = {
  executionId: str.optional(),
  seq: num.optional(),
};
/** The tool a flow ran as (a flow used as an agent's tool). */
const toolContext = z.looseObject({ toolId: str, stepId: str, executionId: str }).optional();
const record = z.record(z.string(), z.unknown());

export const flowStartEventSchema = z.looseObject({
  type: z.literal('flow_start'),
  flowId: str,
  startedAt: str,
  flowName: str.optional(),
  totalSteps: num.optional(),
  input: z.unknown().optional(),
  source: str.optional(),
  executionContext: record.optional(),
  toolContext,
  ...optional,
});

export const flowCompleteEventSchema = z.looseObject({
  type: z.literal('flow_complete'),
  flowId: str.optional(),
  success: z.boolean().optional(),
  finalOutput: str.optional(),
  output: z.unknown().optional(),
  totalSteps: num.optional(),
  completedSteps: num.optional(),
  successfulSteps: num.optional(),
  failedSteps: num.optional(),
  duration: num.optional(),
  executionTime: num.optional(),
  totalTokensUsed: num.optional(),
  completedAt: str.optional(),
  source: str.optional(),
  executionContext: record.optional(),
  toolContext,
  ...optional,
});

/** The structured form of `flow_error.error` (the other form is a plain message). */
export const flowErrorDetailSchema = z.looseObject({
  code: str,
  message: str,
  stepId: str.optional(),
  stepType: str.optional(),
});

export const flowErrorEventSchema = z.looseObject({
  type: z.literal('flow_error'),
  error: z.union([str, flowErrorDetailSchema]),
  code: str.optional(),
  flowId: str.optional(),
  executionTime: num.optional(),
  timestamp: str.optional(),
  upgradeUrl: str.optional(),
  toolContext,
  ...optional,
});

export const flowAwaitEventSchema = z.looseObject({
  type: z.literal('flow_await'),
  flowId: str,
  awaitedAt: str,
  origin: z.enum(['webmcp', 'sdk']).optional(),
  pageOrigin: str.optional(),
  parameters: record.optional(),
  toolCallId: str.optional(),
  toolId: str.optional(),
  toolName: str.optional(),
  ...optional,
});

/** How step_start and step_complete name their step (both spellings are documented). */
const stepNaming = {
  id: str.optional(),
  stepId: str.optional(),
  name: str.optional(),
  stepName: str.optional(),
  stepType: str.optional(),
  index: num.optional(),
};

export const stepStartEventSchema = z.looseObject({
  type: z.literal('step_start'),
  startedAt: str,
  ...stepNaming,
  totalSteps: num.optional(),
  estimatedTokens: num.optional(),
  toolContext,
  ...optional,
});

export const stepDeltaEventSchema = z.looseObject({
  type: z.literal('step_delta'),
  id: str.optional(),
  text: str.optional(),
  delta: str.optional(),
  messageId: str.optional(),
  partId: str.optional(),
  toolId: str.optional(),
  toolContext,
  ...optional,
});

export const STOP_REASONS = [
  'end_turn',
  'max_tool_calls',
  'length',
  'content_filter',
  'error',
  'unknown',
] as const;

export const stepCompleteEventSchema = z.looseObject({
  type: z.literal('step_complete'),
  ...stepNaming,
  success: z.boolean().optional(),
  result: z.unknown().optional(),
  output: z.unknown().optional(),
  error: str.optional(),
  duration: num.optional(),
  durationMs: num.optional(),
  executionTime: num.optional(),
  tokensUsed: num.optional(),
  stopReason: z.enum(STOP_REASONS).optional(),
  completedAt: str.optional(),
  toolContext,
  ...optional,
});

export const stepErrorEventSchema = z.looseObject({
  type: z.literal('step_error'),
  error: str,
  id: str.optional(),
  name: str.optional(),
  stepType: str.optional(),
  index: num.optional(),
  executionTime: num.optional(),
  ...optional,
});

export const stepSkipEventSchema = z.looseObject({
  type: z.literal('step_skip'),
  id: str,
  stepType: str,
  totalSteps: num,
  when: str,
  skippedAt: str,
  name: str.optional(),
  index: num.optional(),
  error: str.optional(),
  ...optional,
});

export const stepAwaitEventSchema = z.looseObject({ type: z.literal('step_await'), ...optional });

/** Every flow event type of the document, each with its schema. */
export const flowEventSchemas = [
  flowStartEventSchema,
  flowCompleteEventSchema,
  flowErrorEventSchema,
  flowAwaitEventSchema,
  stepStartEventSchema,
  stepDeltaEventSchema,
  stepCompleteEventSchema,
  stepErrorEventSchema,
  stepSkipEventSchema,
  stepAwaitEventSchema,
  ...otherFlowEventSchemas,
] as const;

/** Any flow event (parse with `.safeParse`; an unknown `type` is not an error to a client). */
export const flowEventSchema = z.discriminatedUnion('type', flowEventSchemas);

export type FlowStartEvent = z.infer<typeof flowStartEventSchema>;
export type FlowCompleteEvent = z.infer<typeof flowCompleteEventSchema>;
export type FlowErrorEvent = z.infer<typeof flowErrorEventSchema>;
export type FlowErrorDetail = z.infer<typeof flowErrorDetailSchema>;
export type FlowAwaitEvent = z.infer<typeof flowAwaitEventSchema>;
export type StepStartEvent = z.infer<typeof stepStartEventSchema>;
export type StepDeltaEvent = z.infer<typeof stepDeltaEventSchema>;
export type StepCompleteEvent = z.infer<typeof stepCompleteEventSchema>;
export type StepErrorEvent = z.infer<typeof stepErrorEventSchema>;
export type StepSkipEvent = z.infer<typeof stepSkipEventSchema>;
export type StepAwaitEvent = z.infer<typeof stepAwaitEventSchema>;
export type StopReason = (typeof STOP_REASONS)[number];

/** Any event of a flow's stream (FlowSSEEvent). */
export type FlowEvent = z.infer<typeof flowEventSchema>;
export type FlowEventType = FlowEvent['type'];
