import type * as C from './step-config-types.js';
import type * as D from './step-config-types-data.js';
import type { ConditionalConfig } from './step-types.js';

/**
 * The config type of each of the API's 29 step types, by type: what
 * `{ type, config }` and the step helpers take. Each equals its zod schema's
 * input type (test/types/schema-types.test-d.ts); these carry the docs.
 */
export interface StepConfigs {
  prompt: C.PromptConfig;
  crawl: C.CrawlConfig;
  'fetch-url': C.FetchUrlConfig;
  'retrieve-record': D.RetrieveRecordConfig;
  'fetch-github': C.FetchGithubConfig;
  'api-call': C.ApiCallConfig;
  'transform-data': C.TransformDataConfig;
  template: C.TemplateConfig;
  conditional: ConditionalConfig;
  'set-variable': D.SetVariableConfig;
  'upsert-record': D.UpsertRecordConfig;
  'send-email': D.SendEmailConfig;
  'send-text': D.SendTextConfig;
  'send-event': D.SendEventConfig;
  'send-stream': D.SendStreamConfig;
  'update-record': D.UpdateRecordConfig;
  search: C.SearchConfig;
  'generate-embedding': D.GenerateEmbeddingConfig;
  'vector-search': D.VectorSearchConfig;
  'tool-call': C.ToolCallConfig;
  'wait-until': D.WaitUntilConfig;
  'paginate-api': C.PaginateApiConfig;
  'store-vector': D.StoreVectorConfig;
  'execute-agent': C.ExecuteAgentConfig;
  'store-asset': C.StoreAssetConfig;
  'generate-pdf': C.GeneratePdfConfig;
  'save-memory': D.SaveMemoryConfig;
  'recall-memory': D.RecallMemoryConfig;
  'memory-summary': D.MemorySummaryConfig;
}
