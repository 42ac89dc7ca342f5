/**
 * The API's step types, in the OpenAPI document's order: its request step
 * schema's `type` is a closed enum, and any other type is a 400
 * (runtype-api.md §00; test/model/step-type-list.test.ts reads the vendored
 * document and compares). step-configs.ts has one config schema per entry.
 */
export const API_STEP_TYPES = [
  'prompt',
  'crawl',
  'fetch-url',
  'retrieve-record',
  'fetch-github',
  'api-call',
  'transform-data',
  'template',
  'conditional',
  'set-variable',
  'upsert-record',
  'send-email',
  'send-text',
  'send-event',
  'send-stream',
  'update-record',
  'search',
  'generate-embedding',
  'vector-search',
  'tool-call',
  'wait-until',
  'paginate-api',
  'store-vector',
  'execute-agent',
  'store-asset',
  'generate-pdf',
  'save-memory',
  'recall-memory',
  'memory-summary',
] as const;

export type ApiStepType = (typeof API_STEP_TYPES)[number];
