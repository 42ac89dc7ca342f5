import type { z } from 'zod';

/**
 * Field types several step configs share, written out by hand with their docs.
 *
 * Why not `z.input<typeof schema>` alone: the declaration files tsc emits print
 * inferred zod types without their doc comments, so users' editors would show
 * no documentation. These types carry the docs; test/types/schema-types.test-d.ts
 * proves each equals its schema's input type, so the two cannot drift.
 */

/** Any JSON value. */
export type Json = z.input<z.ZodJSONSchema>;

/** The request of a `fetch-url` or `api-call` step. */
export interface HttpRequestConfig {
  /** The URL to call; `{{variables}}` may appear in it. */
  url?: string;
  /** HTTP method. Default `GET`. */
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Request headers. Put keys in `{{secret:NAME}}`, never literally: flows are committed. */
  headers?: Record<string, string>;
  /** A JSON value, or a template string such as `'{{request_body}}'` (the document's example). */
  body?: Json;
  /** Request timeout in milliseconds (the document's api-call example: 30000). */
  timeout?: number;
}

/** Which records a record step reads or updates. */
export interface RecordFilterConfig {
  /** Record type to match. */
  type?: string;
  /** Conditions on the record's fields, as the API takes them. */
  where?: Json;
}

/**
 * What happens when the step fails: a string, or the document's send-email form
 * `{ onError: 'continue' }`. [infer] The accepted values are not documented.
 */
export type ErrorHandlingConfig = string | { onError?: string };

/** A prompt's tools, as in the document's examples. */
export interface PromptToolsConfig {
  /** Saved tools by id (`tool_…`, `mcp:server:tool`). */
  toolIds?: string[];
  /** Upper bound on tool calls in one run of the step (a whole number > 0). */
  maxToolCalls?: number;
  /** `auto` or `required` in the document's examples. */
  toolCallStrategy?: string;
  /** Tools defined inline: `{ name, description, toolType, parametersSchema, config }`. */
  runtimeTools?: Json[];
  /** MCP servers: `{ id, name, url, transport, auth, timeout, allowedTools }`. */
  mcpServers?: Json[];
}

/** `true`, or the document's object form. */
export type ReasoningConfig =
  | boolean
  | {
      /** Turn reasoning on for models that support it. */
      enabled?: boolean;
      /** How hard the model thinks, e.g. `low`, `medium`, `high`. */
      reasoningEffort?: string;
      /** Whether (and how) a summary of the reasoning is returned, e.g. `auto`. */
      reasoningSummary?: string;
    };

/** Fields the memory steps (`save-memory`, `recall-memory`, `memory-summary`) share. */
export interface MemoryCommonConfig {
  /** Template of the profile the memory is kept for, e.g. `'{{_user.id}}'`. */
  profileTemplate?: string;
  /** Variable the step's result is stored in, for later steps as `{{name}}`. */
  outputVariable?: string;
  /** What happens when the step fails (see ErrorHandlingConfig). */
  errorHandling?: ErrorHandlingConfig;
  /** Value used when nothing is found or the step fails softly. */
  defaultValue?: Json;
}
