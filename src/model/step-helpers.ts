import type { KnownStepType } from './step-configs.js';
import type { Step, StepCommon, StepConfigInput } from './step-types.js';

/** Helper options: the step-level fields and the type's config fields side by side. */
export type StepOptions<T extends KnownStepType> = Omit<StepCommon, 'id'> & StepConfigInput<T>;

const STEP_LEVEL = new Set(['name', 'enabled', 'order', 'when']);

/**
 * `prompt('greeting', { name, model, userPrompt, outputVariable })` and its
 * siblings: the id first, then one options object whose step-level fields
 * (name, enabled, order, when) are lifted out and whose other fields become
 * `config`. Plain data in, plain API-shaped data out.
 */
function helper<T extends KnownStepType>(type: T): (id: string, options: StepOptions<T>) => Step<T> {
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

export const prompt = helper('prompt');
export const executeAgent = helper('execute-agent');
export const template = helper('template');
export const generatePdf = helper('generate-pdf');
export const storeAsset = helper('store-asset');
export const fetchUrl = helper('fetch-url');
export const apiCall = helper('api-call');
export const paginateApi = helper('paginate-api');
export const crawl = helper('crawl');
export const search = helper('search');
export const fetchGithub = helper('fetch-github');
export const toolCall = helper('tool-call');
export const transformData = helper('transform-data');
export const retrieveRecord = helper('retrieve-record');
export const upsertRecord = helper('upsert-record');
export const updateRecord = helper('update-record');
export const setVariable = helper('set-variable');
export const generateEmbedding = helper('generate-embedding');
export const vectorSearch = helper('vector-search');
export const storeVector = helper('store-vector');
export const saveMemory = helper('save-memory');
export const recallMemory = helper('recall-memory');
export const memorySummary = helper('memory-summary');
export const sendEmail = helper('send-email');
export const sendText = helper('send-text');
export const sendEvent = helper('send-event');
export const sendStream = helper('send-stream');
export const conditional = helper('conditional');
export const waitUntil = helper('wait-until');

export { customStep } from './custom-step.js';
