import type {
  ErrorHandlingConfig,
  Json,
  MemoryCommonConfig,
  RecordFilterConfig,
} from './config-types-shared.js';

/*
 * Config types of the record, variable, vector, memory, messaging and control
 * steps, with the docs an editor shows (see step-config-types.ts). Every field
 * is optional: the API types none.
 */

/** Variable the step's result is stored in; later steps read it as `{{name}}`. */
type OutputVariable = string;

/** `retrieve-record`: read a record. */
export interface RetrieveRecordConfig {
  /** Record type, e.g. `customer`. */
  recordType?: string;
  /** The record's name. */
  recordName?: string;
  /** The record's id. [infer] */
  recordId?: string;
  /** Conditions the record matches (instead of a name or id). */
  recordFilter?: RecordFilterConfig;
  /** Variable the record is stored in. */
  outputVariable?: OutputVariable;
}

/** `upsert-record`: create or update a record from a variable. */
export interface UpsertRecordConfig {
  /** Record type, e.g. `customer`. */
  recordType?: string;
  /** Variable holding the record's data. */
  sourceVariable?: string;
  /** The record's name. [infer] */
  recordName?: string;
  /** Variable the saved record is stored in. */
  outputVariable?: OutputVariable;
}

/** `update-record`: change fields of a record. */
export interface UpdateRecordConfig {
  /** The record's id (or give `recordFilter`). */
  recordId?: string;
  /** Conditions the record matches (or give `recordId`). */
  recordFilter?: RecordFilterConfig;
  /** The fields to change and their new values. */
  updates?: Json;
  /** How `updates` combine with the record. Default `merge` (top-level fields). */
  mergeStrategy?: 'merge' | 'replace' | 'deep-merge';
  /** Variable the updated record is stored in. */
  outputVariable?: OutputVariable;
}

/** `set-variable`: set a flow variable. */
export interface SetVariableConfig {
  /** The variable's name; later steps read it as `{{name}}`. */
  variableName?: string;
  /** The value (or give `valueTemplate`). */
  value?: Json;
  /** A template rendered into the variable, as the document's example writes it. */
  valueTemplate?: string;
}

/** `generate-embedding`: turn text into a vector. */
export interface GenerateEmbeddingConfig {
  /** Variable holding the text (or give `text`). */
  inputSource?: string;
  /** The text to embed; `{{variables}}` allowed. */
  text?: string;
  /** Embedding model id. */
  embeddingModel?: string;
  /** Variable the vector is stored in. */
  outputVariable?: OutputVariable;
}

/** `vector-search`: find the nearest stored vectors. */
export interface VectorSearchConfig {
  /** What to search for. */
  query?: string;
  /** Maximum results (a whole number > 0). */
  limit?: number;
  /** Minimum similarity a result needs, usually 0–1. */
  threshold?: number;
  /** Variable the results are stored in. */
  outputVariable?: OutputVariable;
}

/** `store-vector`: store vectors. */
export interface StoreVectorConfig {
  /** Variable holding the vectors. */
  vectorsSource?: string;
  /** Where they are stored. */
  destination?: string;
  /** Variable the step's result is stored in. */
  outputVariable?: OutputVariable;
}

/** `save-memory`: remember something for a profile. */
export interface SaveMemoryConfig extends MemoryCommonConfig {
  /** Variable holding what to remember. */
  contentVariable?: string;
  /** Conversation or session the memory belongs to. */
  sessionId?: string;
}

/** `recall-memory`: recall what was remembered for a profile. */
export interface RecallMemoryConfig extends MemoryCommonConfig {
  /** What to recall; `{{variables}}` allowed. */
  queryTemplate?: string;
  /** How much thought goes into recalling. */
  thinkingLevel?: 'low' | 'medium' | 'high';
  /** How long the recalled answer is. */
  responseLength?: 'short' | 'medium' | 'long';
}

/** `memory-summary`: summarise what is remembered for a profile. */
export interface MemorySummaryConfig extends MemoryCommonConfig {
  /** Conversation or session to summarise. */
  sessionId?: string;
}

/** `send-email`: send an email. */
export interface SendEmailConfig {
  /** Sender address. */
  from?: string;
  /** Recipient address; `{{variables}}` allowed. */
  to?: string;
  /** Subject line. */
  subject?: string;
  /** The HTML body. */
  html?: string;
  /** The plain-text body, beside `html` (the document's example). */
  text?: string;
  /** What happens when sending fails. */
  errorHandling?: ErrorHandlingConfig;
  /** Variable the send result is stored in. */
  outputVariable?: OutputVariable;
}

/** `send-text`: send a text message (SMS). */
export interface SendTextConfig {
  /** Sender number. */
  from?: string;
  /** Recipient number; `{{variables}}` allowed. */
  to?: string;
  /** The message. */
  message?: string;
  /** Variable the send result is stored in. */
  outputVariable?: OutputVariable;
}

/** `send-event`: emit an event. */
export interface SendEventConfig {
  /** The event's type, e.g. `order.created`. */
  eventType?: string;
  /** The event's data. */
  payload?: Json;
  /** Variable the send result is stored in. */
  outputVariable?: OutputVariable;
}

/** `send-stream`: stream a variable to the caller. */
export interface SendStreamConfig {
  /** Variable whose content is streamed. */
  sourceVariable?: string;
  /** Kind of stream, e.g. `text`. */
  streamType?: string;
}

/** `wait-until`: wait for a condition or a delay. */
export interface WaitUntilConfig {
  /** JS expression polled until it is true; `{{var}}` may appear in it. */
  condition?: string;
  /** Give up after this many milliseconds (a whole number > 0). */
  timeoutMs?: number;
  /** Milliseconds between two checks of `condition` (a whole number > 0). */
  pollIntervalMs?: number;
  /** Plain delay in milliseconds (a whole number ≥ 0). [infer] */
  delayMs?: number;
}
