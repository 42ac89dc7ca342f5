import { z } from 'zod';
import { dataStepConfigs } from './step-configs-data.js';
import { API_STEP_TYPES, type ApiStepType } from './step-type-list.js';
import {
  errorHandling,
  http,
  json,
  outputVariable,
  promptTools,
  reasoning,
  str,
  visibility,
} from './step-config-fields.js';

/**
 * Config schemas of the API's 29 step types (the closed list of the OpenAPI
 * document, runtype-api.md §00; test/model/step-type-list.test.ts compares
 * them). They type the helpers and plain-object steps for the editor. The API
 * types no config field, so none is required here and a value of another
 * type is only a warning (check-step-config.ts); unknown fields are sent as
 * written.
 *
 * [infer] Guesses the docs do not confirm, marked where they are defined:
 * prompt `streamOutput` (step level in the SDK, config level in the docs);
 * retrieve-record `recordId`, upsert-record `recordName`; the values of
 * `errorHandling`; wait-until `delayMs` (mentioned by the fetch-url page only).
 */
export const stepConfigSchemas = {
  prompt: z.object({
    model: str.min(1).optional(),
    userPrompt: str.optional(),
    /** The prompt, as the OpenAPI document's own examples write it (beside `userPrompt`). */
    text: str.optional(),
    systemPrompt: str.optional(),
    responseFormat: z
      .enum(['text', 'json', 'markdown', 'html', 'JSON', 'TEXT', 'MARKDOWN', 'HTML'])
      .optional(),
    outputVariable,
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().positive().optional(),
    topP: z.number().optional(),
    topK: z.number().int().optional(),
    frequencyPenalty: z.number().optional(),
    presencePenalty: z.number().optional(),
    seed: z.number().int().optional(),
    reasoning: reasoning.optional(),
    tools: promptTools.optional(),
    previousMessages: str.optional(),
    streamOutput: z.boolean().optional(), // [infer] step or config level
  }),
  'execute-agent': z.object({
    agentId: str.min(1).optional(),
    message: str.optional(),
    outputVariable,
  }),
  template: z.object({
    template: str.optional(),
    outputFormat: z.enum(['html', 'email-html', 'markdown', 'pdf', 'text']).optional(),
    outputVariable,
    inputs: json.optional(),
    partials: z.record(str, str).optional(),
    pdfOptions: json.optional(),
    asArtifact: z.boolean().optional(),
    streamOutput: z.boolean().optional(),
    sampleData: json.optional(),
  }),
  'generate-pdf': z.object({
    html: str.optional(),
    markdown: str.optional(),
    filename: str.optional(),
    visibility,
    pdfOptions: json.optional(),
    outputVariable,
  }),
  'store-asset': z.object({
    url: str.optional(),
    content: str.optional(),
    filename: str.optional(),
    contentType: str.optional(),
    visibility,
    outputVariable,
  }),
  'fetch-url': z.object({
    http: http.optional(),
    responseType: z.enum(['json', 'text', 'xml']).optional(),
    outputVariable,
  }),
  'api-call': z.object({
    http: http.optional(),
    auth: json.optional(),
    requestTemplate: json.optional(),
    /** Output field → path in the response, e.g. `{ stars: 'stargazers_count' }`. */
    responseMapping: json.optional(),
    outputVariable,
  }),
  'paginate-api': z.object({
    url: str.optional(),
    paginationType: str.optional(),
    entityPath: str.optional(),
    outputVariable,
  }),
  crawl: z.object({
    url: str.optional(),
    limit: z.number().int().positive().optional(),
    depth: z.number().int().nonnegative().optional(),
    outputVariable,
  }),
  search: z.object({
    provider: str.optional(),
    query: str.optional(),
    maxResults: z.number().int().positive().optional(),
    outputVariable,
  }),
  'fetch-github': z.object({
    /** `owner/name`, as the document's example writes it. */
    repository: str.optional(),
    /** `owner/name`, as the step catalogue writes it. */
    repo: str.optional(),
    branch: str.optional(),
    path: str.optional(),
    includePatterns: z.array(str).optional(),
    excludePatterns: z.array(str).optional(),
    compress: z.boolean().optional(),
    /** Output layout, `xml` in the document's example. */
    style: str.optional(),
    outputVariable,
  }),
  'tool-call': z.object({
    toolId: str.min(1).optional(),
    parameters: json.optional(),
    outputVariable,
  }),
  'transform-data': z.object({
    script: str.optional(),
    outputVariable,
    sandboxProvider: z
      .enum(['cloudflare-worker', 'quickjs', 'runtype-sandbox', 'daytona', 'cloudflare-sandbox'])
      .optional(),
    language: z.enum(['javascript', 'typescript', 'python']).optional(),
  }),
  ...dataStepConfigs,
  'send-email': z.object({
    from: str.optional(),
    to: str.optional(),
    subject: str.optional(),
    html: str.optional(),
    /** The plain-text body, beside `html` (the document's example). */
    text: str.optional(),
    errorHandling,
    outputVariable,
  }),
  'send-text': z.object({
    from: str.optional(),
    to: str.optional(),
    message: str.optional(),
    outputVariable,
  }),
  'send-event': z.object({ eventType: str.optional(), payload: json.optional(), outputVariable }),
  'send-stream': z.object({ sourceVariable: str.optional(), streamType: str.optional() }),
  // trueSteps/falseSteps are steps themselves: checked recursively by parseFlow, typed in
  // step-types.ts.
  conditional: z.object({
    /** JS expression; `{{var}}` may appear in it. */
    condition: str.optional(),
    trueSteps: z.array(z.unknown()).readonly().optional(),
    falseSteps: z.array(z.unknown()).readonly().optional(),
  }),
  'wait-until': z.object({
    condition: str.optional(),
    timeoutMs: z.number().int().positive().optional(),
    pollIntervalMs: z.number().int().positive().optional(),
    delayMs: z.number().int().nonnegative().optional(), // [infer] plain delay key
  }),
} as const satisfies Record<ApiStepType, z.ZodObject>; // one schema per API type, no other

export type KnownStepType = keyof typeof stepConfigSchemas;
/**
 * The API's step types, in its order: a step of any other type is refused (unless listed in
 * extraStepTypes).
 */
export const KNOWN_STEP_TYPES: readonly KnownStepType[] = API_STEP_TYPES;

export function isKnownStepType(type: string): type is KnownStepType {
  return Object.hasOwn(stepConfigSchemas, type);
}
