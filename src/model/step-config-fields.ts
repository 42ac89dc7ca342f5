import { z } from 'zod';

/**
 * Config pieces several step types share. The API types no config field
 * (runtype-api.md §00: `config` is any object), so every field here is
 * optional and only types the editor; names come from the docs and from the
 * OpenAPI document's own examples (test/model/document-examples.test.ts).
 */
export const str = z.string();
export const json = z.json();
export const outputVariable = z.string().min(1).optional();

export const httpMethod = z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);

/** fetch-url's and api-call's request. */
export const http = z.object({
  url: str.optional(),
  method: httpMethod.optional(),
  headers: z.record(str, str).optional(),
  /** A JSON value, or a template string such as `'{{request_body}}'` (the document's example). */
  body: json.optional(),
  /** Milliseconds (the document's api-call example: 30000). */
  timeout: z.number().int().positive().optional(),
});

export const recordFilter = z.object({ type: str.optional(), where: json.optional() });
export const visibility = z.enum(['public', 'private']).optional();

/**
 * The document's send-email example: `{ onError: 'continue' }`; the memory steps' docs: a string.
 * [infer] values
 */
export const errorHandling = z.union([str, z.object({ onError: str.optional() })]).optional();

/** A prompt's tools, as in the document's examples. */
export const promptTools = z.object({
  /** Saved tools by id (`tool_…`, `mcp:server:tool`). */
  toolIds: z.array(str).optional(),
  maxToolCalls: z.number().int().positive().optional(),
  /** `auto` or `required` in the document's examples. */
  toolCallStrategy: str.optional(),
  /** Tools defined inline: `{ name, description, toolType, parametersSchema, config }`. */
  runtimeTools: z.array(json).optional(),
  /** MCP servers: `{ id, name, url, transport, auth, timeout, allowedTools }`. */
  mcpServers: z.array(json).optional(),
});

/** `true`, or the document's object form `{ enabled, reasoningEffort, reasoningSummary }`. */
export const reasoning = z.union([
  z.boolean(),
  z.object({
    enabled: z.boolean().optional(),
    reasoningEffort: str.optional(),
    reasoningSummary: str.optional(),
  }),
]);

/** The memory steps' shared fields. */
export const memoryCommon = {
  profileTemplate: str.optional(),
  outputVariable,
  errorHandling,
  defaultValue: json.optional(),
};
