import { z } from 'zod';

/**
 * Config schemas of the step types the library models (runtype-api.md §4).
 * They type the helpers and plain-object steps, and check field types at
 * run time. Unknown config fields are not stripped: they are sent as written
 * (a warning), since the API knows more fields than documented.
 *
 * [infer] Guesses the docs do not confirm, each also marked where it is
 * defined below — correct them here when the API says otherwise:
 * - prompt `maxTokens` (the docs only say "limits response length") and
 *   `streamOutput` (step level in the SDK, config level in the docs);
 * - retrieve-record `recordId`, upsert-record `recordName`;
 * - the values of the memory steps' `errorHandling`;
 * - wait-until `delayMs` (mentioned by the fetch-url page only);
 * - the Return step: its `type` string `return` and its `value` field.
 */
const str = z.string();
const outputVariable = z.string().min(1).optional();
const httpMethod = z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);
const json = z.json();
const http = z.object({ url: str, method: httpMethod.optional(), headers: z.record(str, str).optional(), body: json.optional() });
const recordFilter = z.object({ type: str.optional(), where: json.optional() });
const visibility = z.enum(['public', 'private']).optional();
const memoryCommon = { profileTemplate: str, outputVariable, errorHandling: str.optional() /* [infer] values */, defaultValue: json.optional() };

export const stepConfigSchemas = {
  prompt: z.object({
    model: str.min(1),
    userPrompt: str,
    systemPrompt: str.optional(),
    responseFormat: z.enum(['text', 'json', 'markdown', 'JSON', 'TEXT', 'MARKDOWN']).optional(),
    outputVariable,
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().positive().optional(), // [infer] key name
    reasoning: z.boolean().optional(),
    tools: z.object({ toolIds: z.array(str) }).optional(),
    previousMessages: str.optional(),
    streamOutput: z.boolean().optional(), // [infer] step or config level
  }),
  'execute-agent': z.object({ agentId: str.min(1), message: str.optional(), outputVariable }),
  template: z.object({
    template: str,
    outputFormat: z.enum(['html', 'email-html', 'markdown', 'pdf', 'text']).optional(),
    outputVariable,
    inputs: json.optional(),
    partials: z.record(str, str).optional(),
    pdfOptions: json.optional(),
    asArtifact: z.boolean().optional(),
    streamOutput: z.boolean().optional(),
    sampleData: json.optional(),
  }),
  'generate-pdf': z.object({ html: str.optional(), markdown: str.optional(), filename: str.optional(), visibility, pdfOptions: json.optional(), outputVariable }),
  'store-asset': z.object({ url: str.optional(), content: str.optional(), filename: str.optional(), contentType: str.optional(), visibility, outputVariable }),
  'fetch-url': z.object({ http, responseType: z.enum(['json', 'text', 'xml']).optional(), outputVariable }),
  'api-call': z.object({ http, auth: json.optional(), requestTemplate: json.optional(), responseMapping: json.optional(), outputVariable }),
  'paginate-api': z.object({ url: str, paginationType: str.optional(), entityPath: str.optional(), outputVariable }),
  crawl: z.object({ url: str, limit: z.number().int().positive().optional(), depth: z.number().int().nonnegative().optional(), outputVariable }),
  search: z.object({ provider: str.optional(), query: str, maxResults: z.number().int().positive().optional(), outputVariable }),
  'fetch-github': z.object({ repo: str, path: str.optional(), outputVariable }),
  'tool-call': z.object({ toolId: str.min(1), parameters: json.optional(), outputVariable }),
  'transform-data': z.object({
    script: str,
    outputVariable,
    sandboxProvider: z.enum(['cloudflare-worker', 'quickjs', 'runtype-sandbox', 'daytona', 'cloudflare-sandbox']).optional(),
    language: z.enum(['javascript', 'typescript', 'python']).optional(),
  }),
  'retrieve-record': z.object({ recordType: str.optional(), recordName: str.optional(), recordId: str.optional() /* [infer] */, recordFilter: recordFilter.optional(), outputVariable }),
  'upsert-record': z.object({ recordType: str, sourceVariable: str, recordName: str.optional() /* [infer] */, outputVariable }),
  'update-record': z.object({
    recordId: str.optional(),
    recordFilter: recordFilter.optional(),
    updates: json,
    mergeStrategy: z.enum(['merge', 'replace', 'deep-merge']).optional(),
    outputVariable,
  }),
  'set-variable': z.object({ variableName: str.min(1), value: json }),
  'generate-embedding': z.object({ inputSource: str.optional(), text: str.optional(), embeddingModel: str.optional(), outputVariable }),
  'vector-search': z.object({ query: str, limit: z.number().int().positive().optional(), threshold: z.number().optional(), outputVariable }),
  'store-vector': z.object({ vectorsSource: str, destination: str.optional(), outputVariable }),
  'save-memory': z.object({ ...memoryCommon, contentVariable: str, sessionId: str.optional() }),
  'recall-memory': z.object({
    ...memoryCommon,
    queryTemplate: str,
    thinkingLevel: z.enum(['low', 'medium', 'high']).optional(),
    responseLength: z.enum(['short', 'medium', 'long']).optional(),
  }),
  'memory-summary': z.object({ ...memoryCommon, sessionId: str.optional() }),
  'send-email': z.object({ from: str, to: str, subject: str, html: str, outputVariable }),
  'send-text': z.object({ from: str.optional(), to: str, message: str, outputVariable }),
  'send-event': z.object({ eventType: str, payload: json.optional(), outputVariable }),
  'send-stream': z.object({ sourceVariable: str, streamType: str.optional() }),
  // trueSteps/falseSteps are steps themselves: checked recursively by parseFlow, typed in step-types.ts.
  conditional: z.object({
    /** JS expression; `{{var}}` may appear in it. */
    condition: str,
    trueSteps: z.array(z.unknown()).readonly().optional(),
    falseSteps: z.array(z.unknown()).readonly().optional(),
  }),
  'wait-until': z.object({
    condition: str.optional(),
    timeoutMs: z.number().int().positive().optional(),
    pollIntervalMs: z.number().int().positive().optional(),
    delayMs: z.number().int().nonnegative().optional(), // [infer] plain delay key
  }),
  return: z.object({ value: json.optional() }), // [infer] the type string and its fields
} as const;

export type KnownStepType = keyof typeof stepConfigSchemas;
export const KNOWN_STEP_TYPES = Object.keys(stepConfigSchemas) as KnownStepType[];

export function isKnownStepType(type: string): type is KnownStepType {
  return Object.hasOwn(stepConfigSchemas, type);
}
