/**
 * What `executeFlow` takes: the documented dispatch request body (POST /v1/dispatch; its shape
 * is known only from the document's 25 request examples, see dispatch/assumptions.ts) with the
 * flow inline, as `sync` would send it. A stored flow (`flowMode: "existing"`) is resolved to
 * this inline form by the emulator's route before it runs.
 */

export interface DispatchStep {
  /** Optional: a step without one gets `step_<position>` (nested: `<parent id>.true.<n>`). */
  id?: string;
  name: string;
  type: string;
  order?: number;
  /** Default true; a disabled step is not run and emits nothing. */
  enabled?: boolean;
  config?: Record<string, unknown>;
  /** A JS condition (with `{{var}}` references): falsy skips the step. */
  when?: string;
}

export interface DispatchFlow {
  /** Set by the emulator for a stored flow; a virtual flow gets `flow_virtual_<digest>`. */
  id?: string;
  name: string;
  description?: string;
  steps: DispatchStep[];
}

export interface DispatchRecord {
  id?: string;
  name?: string;
  type?: string;
  metadata?: Record<string, unknown>;
}

export interface DispatchMessage {
  role: 'system' | 'user' | 'assistant';
  /** A string, or parts such as `{ type: 'text', text }` / `{ type: 'image', image }`. */
  content: unknown;
}

export interface DispatchOptions {
  flowMode?: 'virtual' | 'existing' | 'upsert' | 'create';
  recordMode?: 'virtual' | 'existing' | 'create';
  /** Default true: an SSE stream. `false` asks for one JSON answer. */
  streamResponse?: boolean;
  /** Replaces every model step's `model` (the document's `existingRecordAndFlow` example). */
  modelOverride?: string;
  storeResults?: boolean;
  debugMode?: boolean;
  autoAppendMetadata?: boolean;
}

export interface DispatchRequest {
  flow: DispatchFlow;
  /** Flow inputs: `{{name}}` in templates. */
  inputs?: Record<string, unknown>;
  /** `{{_record.name}}`, `{{_record.type}}`, `{{_record.metadata.x}}`. */
  record?: DispatchRecord;
  /** Conversation history: `{{messages}}`; the last user message is `{{user_message}}`. */
  messages?: DispatchMessage[];
  options?: DispatchOptions;
}
