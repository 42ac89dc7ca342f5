/**
 * The API's closed list of step types: the `type` enum of the documented step request schema
 * (openapi/runtype-flows.openapi.json, POST /v1/flows). A contract test checks this list
 * equals the document's, so a new API version that adds a type fails loudly here.
 */
export const STEP_TYPES = [
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

export type StepType = (typeof STEP_TYPES)[number];

/**
 * The accepted types: the API's list plus those an emulator was started with (`extraStepTypes`).
 */
export function acceptedStepTypes(extra: readonly string[] = []): ReadonlySet<string> {
  return new Set<string>([...STEP_TYPES, ...extra]);
}
