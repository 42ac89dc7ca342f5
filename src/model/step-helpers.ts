import type { KnownStepType } from './step-configs.js';
import type { Step, StepCommon, StepConfigInput } from './step-types.js';

/**
 * A helper's options: the step's own fields (`name`, and optionally `enabled`, `order`,
 * `when`) and the type's config fields, side by side in one object.
 */
export type StepOptions<T extends KnownStepType> = Omit<StepCommon, 'id'> & StepConfigInput<T>;

const STEP_LEVEL = new Set(['name', 'enabled', 'order', 'when']);

/**
 * `prompt('greeting', { name, model, userPrompt, outputVariable })` and its
 * siblings: the id first, then one options object whose step-level fields
 * (name, enabled, order, when) are lifted out and whose other fields become
 * `config`. Plain data in, plain API-shaped data out.
 */
function helper<T extends KnownStepType>(
  type: T,
): (id: string, options: StepOptions<T>) => Step<T> {
  return (id, options) => {
    const step: Record<string, unknown> = { id, type };
    const config: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options)) {
      if (value === undefined) continue;
      if (STEP_LEVEL.has(key)) step[key] = value;
      else config[key] = value;
    }
    step.config = config;
    return step as unknown as Step<T>;
  };
}

/**
 * A `prompt` step: one call to a language model (`model`, `userPrompt`, `systemPrompt`,
 * `temperature` 0–2, `maxTokens`, `outputVariable`, …).
 *
 * @example prompt('greeting', { name: 'Greet', model: 'gpt-4', userPrompt: 'Hi {{customer_name}}',
 * outputVariable: 'greeting' })
 *
 * The id comes first; then one object with the step's fields (`name`, and optionally
 * `enabled`, `order`, `when`) and its config fields side by side.
 */
export const prompt = helper('prompt');
/**
 * An `execute-agent` step: run a saved agent (`agentId`, `message`, `outputVariable`).
 */
export const executeAgent = helper('execute-agent');
/**
 * A `template` step: render a Liquid template (`template`, `outputFormat`, `partials`,
 * `outputVariable`).
 */
export const template = helper('template');
/**
 * A `generate-pdf` step: render `html` or `markdown` to a PDF file (`filename`, `visibility`).
 */
export const generatePdf = helper('generate-pdf');
/**
 * A `store-asset` step: store a file from a `url` or from `content`.
 */
export const storeAsset = helper('store-asset');
/**
 * A `fetch-url` step: one HTTP request (`http: { url, method, headers, body, timeout }`,
 * `responseType`).
 */
export const fetchUrl = helper('fetch-url');
/**
 * An `api-call` step: an HTTP request with `auth`, a `requestTemplate` and a `responseMapping`.
 */
export const apiCall = helper('api-call');
/**
 * A `paginate-api` step: follow an API's pages from `url` and collect the entities at `entityPath`.
 */
export const paginateApi = helper('paginate-api');
/**
 * A `crawl` step: crawl a web site from `url`, at most `limit` pages and `depth` links deep.
 */
export const crawl = helper('crawl');
/**
 * A `search` step: a web search (`provider`, `query`, `maxResults`).
 */
export const search = helper('search');
/**
 * A `fetch-github` step: read files from a GitHub repository (`repository`, `branch`, `path`,
 * patterns).
 */
export const fetchGithub = helper('fetch-github');
/**
 * A `tool-call` step: call a saved tool (`toolId`, `parameters`).
 */
export const toolCall = helper('tool-call');
/**
 * A `transform-data` step: run a `script` over the flow's variables (`language`,
 * `sandboxProvider`).
 */
export const transformData = helper('transform-data');
/**
 * A `retrieve-record` step: read a record by `recordName`, `recordId` or `recordFilter`.
 */
export const retrieveRecord = helper('retrieve-record');
/**
 * An `upsert-record` step: create or update a record of `recordType` from `sourceVariable`.
 */
export const upsertRecord = helper('upsert-record');
/**
 * An `update-record` step: apply `updates` to a record (`recordId` or `recordFilter`,
 * `mergeStrategy`).
 */
export const updateRecord = helper('update-record');
/**
 * A `set-variable` step: set `variableName` to `value` (or to the rendered `valueTemplate`).
 */
export const setVariable = helper('set-variable');
/**
 * A `generate-embedding` step: turn `text` (or `inputSource`) into a vector.
 */
export const generateEmbedding = helper('generate-embedding');
/**
 * A `vector-search` step: find the `limit` nearest vectors to `query` above `threshold`.
 */
export const vectorSearch = helper('vector-search');
/**
 * A `store-vector` step: store the vectors of `vectorsSource` in `destination`.
 */
export const storeVector = helper('store-vector');
/**
 * A `save-memory` step: remember `contentVariable` for a profile (`profileTemplate`, `sessionId`).
 */
export const saveMemory = helper('save-memory');
/**
 * A `recall-memory` step: recall what was remembered (`queryTemplate`, `thinkingLevel`,
 * `responseLength`).
 */
export const recallMemory = helper('recall-memory');
/**
 * A `memory-summary` step: summarise what is remembered for a profile (`sessionId`).
 */
export const memorySummary = helper('memory-summary');
/**
 * A `send-email` step: send an email (`from`, `to`, `subject`, `html`, `text`).
 */
export const sendEmail = helper('send-email');
/**
 * A `send-text` step: send a text message (`from`, `to`, `message`).
 */
export const sendText = helper('send-text');
/**
 * A `send-event` step: emit an event (`eventType`, `payload`).
 */
export const sendEvent = helper('send-event');
/**
 * A `send-stream` step: stream `sourceVariable` to the caller.
 */
export const sendStream = helper('send-stream');
/**
 * A `conditional` step: run `trueSteps` or `falseSteps` depending on `condition` (a JS expression).
 *
 * @example conditional('vip', { name: 'VIP?', condition: "'{{tier}}' === 'gold'", trueSteps: [...],
 * falseSteps: [...] })
 */
export const conditional = helper('conditional');
/**
 * A `wait-until` step: wait until `condition` holds (`timeoutMs`, `pollIntervalMs`) or for
 * `delayMs`.
 */
export const waitUntil = helper('wait-until');

export { customStep } from './custom-step.js';
