/**
 * The flow events the emulator never emits but a real stream may carry: tools, text and
 * reasoning markers, model fallbacks, artifacts (the rest of the document's non-agent
 * `DispatchSSEEvent` members; flow-events.ts has the lifecycle and step events). Loose, every
 * field optional unless the document requires it.
 */
import { z } from 'zod';

const str = z.string();
const num = z.number();
const record = z.record(z.string(), z.unknown());
const optional = { executionId: str.optional(), seq: num.optional() };
const agentContext = z.looseObject({ executionId: str, iteration: num, seq: num }).optional();
const artifactType = z.enum(['markdown', 'component']);

/** An event the document gives no fields beyond `executionId` and `seq`. */
function marker<T extends string>(type: T) {
  return z.looseObject({ type: z.literal(type), ...optional });
}

export const TOOL_TYPES = [
  'flow',
  'mcp',
  'builtin',
  'custom',
  'external',
  'advisor',
  'subagent',
  'local',
] as const;

export const toolStartEventSchema = z.looseObject({
  type: z.literal('tool_start'),
  toolType: z.enum(TOOL_TYPES),
  agentContext,
  hiddenParameterNames: z.array(str).optional(),
  name: str.optional(),
  parameters: record.optional(),
  providerOptions: record.optional(),
  startedAt: str.optional(),
  stepId: str.optional(),
  toolCallId: str.optional(),
  toolId: str.optional(),
  toolName: str.optional(),
  ...optional,
});

export const toolDeltaEventSchema = z.looseObject({
  type: z.literal('tool_delta'),
  delta: str.optional(),
  toolId: str.optional(),
  ...optional,
});

export const toolInputDeltaEventSchema = z.looseObject({
  type: z.literal('tool_input_delta'),
  delta: str,
  stepId: str.optional(),
  toolCallId: str.optional(),
  toolId: str.optional(),
  ...optional,
});

export const toolInputCompleteEventSchema = z.looseObject({
  type: z.literal('tool_input_complete'),
  parameters: record,
  hiddenParameterNames: z.array(str).optional(),
  providerOptions: record.optional(),
  stepId: str.optional(),
  toolCallId: str.optional(),
  toolId: str.optional(),
  toolName: str.optional(),
  ...optional,
});

export const toolCompleteEventSchema = z.looseObject({
  type: z.literal('tool_complete'),
  success: z.boolean(),
  agentContext,
  completedAt: str.optional(),
  error: str.optional(),
  executionTime: num.optional(),
  name: str.optional(),
  result: z.unknown().optional(),
  stepId: str.optional(),
  toolCallId: str.optional(),
  toolCost: num.optional(),
  toolId: str.optional(),
  toolName: str.optional(),
  ...optional,
});

export const toolErrorEventSchema = z.looseObject({
  type: z.literal('tool_error'),
  toolId: str,
  name: str,
  error: str,
  agentContext,
  executionTime: num.optional(),
  failedAt: str.optional(),
  ...optional,
});

export const chunkEventSchema = z.looseObject({
  type: z.literal('chunk'),
  id: str,
  text: str,
  ...optional,
});

export const artifactStartEventSchema = z.looseObject({
  type: z.literal('artifact_start'),
  id: str,
  artifactType,
  component: str.optional(),
  title: str.optional(),
});

export const artifactDeltaEventSchema = z.looseObject({
  type: z.literal('artifact_delta'),
  id: str,
  delta: str,
});

export const artifactUpdateEventSchema = z.looseObject({
  type: z.literal('artifact_update'),
  id: str,
  props: record,
  component: str,
});

export const artifactCompleteEventSchema = z.looseObject({
  type: z.literal('artifact_complete'),
  id: str,
});

export const artifactEventSchema = z.looseObject({
  type: z.literal('artifact'),
  artifactType: artifactType.optional(),
  component: str.optional(),
  content: str.optional(),
  id: str.optional(),
  props: record.optional(),
  title: str.optional(),
});

export const otherFlowEventSchemas = [
  toolStartEventSchema,
  toolDeltaEventSchema,
  toolInputDeltaEventSchema,
  toolInputCompleteEventSchema,
  toolCompleteEventSchema,
  toolErrorEventSchema,
  chunkEventSchema,
  marker('text_start'),
  marker('text_end'),
  marker('reason_start'),
  marker('reason_delta'),
  marker('reason_complete'),
  marker('source'),
  marker('fallback_start'),
  marker('fallback_complete'),
  marker('fallback_exhausted'),
  artifactStartEventSchema,
  artifactDeltaEventSchema,
  artifactUpdateEventSchema,
  artifactCompleteEventSchema,
  artifactEventSchema,
] as const;

export type ToolStartEvent = z.infer<typeof toolStartEventSchema>;
export type ToolDeltaEvent = z.infer<typeof toolDeltaEventSchema>;
export type ToolInputDeltaEvent = z.infer<typeof toolInputDeltaEventSchema>;
export type ToolInputCompleteEvent = z.infer<typeof toolInputCompleteEventSchema>;
export type ToolCompleteEvent = z.infer<typeof toolCompleteEventSchema>;
export type ToolErrorEvent = z.infer<typeof toolErrorEventSchema>;
export type ChunkEvent = z.infer<typeof chunkEventSchema>;
export type ArtifactStartEvent = z.infer<typeof artifactStartEventSchema>;
export type ArtifactDeltaEvent = z.infer<typeof artifactDeltaEventSchema>;
export type ArtifactUpdateEvent = z.infer<typeof artifactUpdateEventSchema>;
export type ArtifactCompleteEvent = z.infer<typeof artifactCompleteEventSchema>;
export type ArtifactEvent = z.infer<typeof artifactEventSchema>;
