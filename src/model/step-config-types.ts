import type {
  HttpRequestConfig,
  Json,
  PromptToolsConfig,
  ReasoningConfig,
} from './config-types-shared.js';

/*
 * Config types of the model, content and web steps, with the docs an editor shows.
 * The zod schemas in step-configs.ts check the same fields at run time; the type
 * tests prove the two equal (config-types-shared.ts says why both exist). The API
 * types no config field: every field is optional, unknown ones are still sent.
 */

/** Variable the step's result is stored in; later steps read it as `{{name}}`. */
type OutputVariable = string;

/** `prompt`: one call to a language model. */
export interface PromptConfig {
  /** Model id, e.g. `gpt-4`, `claude-3-5-sonnet`. */
  model?: string;
  /** The user message; `{{variables}}` are filled in when the flow runs. */
  userPrompt?: string;
  /** The prompt, as the OpenAPI document's own examples write it (beside `userPrompt`). */
  text?: string;
  /** The system message: instructions and persona. */
  systemPrompt?: string;
  /** Shape of the answer. Default `text`. */
  responseFormat?: 'text' | 'json' | 'markdown' | 'html' | 'JSON' | 'TEXT' | 'MARKDOWN' | 'HTML';
  /** Variable the model's answer is stored in. */
  outputVariable?: OutputVariable;
  /** Sampling temperature, 0–2; lower is more deterministic. Model default when unset. */
  temperature?: number;
  /** Upper bound on generated tokens (a whole number > 0). Model default when unset. */
  maxTokens?: number;
  /** Nucleus sampling: only tokens within this cumulative probability (0–1). */
  topP?: number;
  /** Only the K most likely tokens are sampled (a whole number). */
  topK?: number;
  /** Penalises tokens by how often they already appeared. */
  frequencyPenalty?: number;
  /** Penalises tokens that already appeared at all. */
  presencePenalty?: number;
  /** Seed for reproducible sampling, where the model supports it (a whole number). */
  seed?: number;
  /** Extended reasoning for models that support it. */
  reasoning?: ReasoningConfig;
  /** Tools the model may call. */
  tools?: PromptToolsConfig;
  /** Earlier conversation to include, e.g. `'{{messages}}'`. */
  previousMessages?: string;
  /** Stream the answer as it is generated. [infer] step or config level */
  streamOutput?: boolean;
}

/** `execute-agent`: run a saved agent. */
export interface ExecuteAgentConfig {
  /** The agent's id. */
  agentId?: string;
  /** The message sent to the agent; `{{variables}}` allowed. */
  message?: string;
  /** Variable the agent's answer is stored in. */
  outputVariable?: OutputVariable;
}

/** `template`: render a (Liquid) template. */
export interface TemplateConfig {
  /** The template text: `{{variables}}`, `{% for %}` loops and partials. */
  template?: string;
  /** What the rendered text is. Default `text`. */
  outputFormat?: 'html' | 'email-html' | 'markdown' | 'pdf' | 'text';
  /** Variable the rendered output is stored in. */
  outputVariable?: OutputVariable;
  /** Extra values the template can read. */
  inputs?: Json;
  /** Named partial templates, by name. */
  partials?: Record<string, string>;
  /** PDF settings (page size, margins) when `outputFormat` is `pdf`. */
  pdfOptions?: Json;
  /** Store the output as an artifact of the run. */
  asArtifact?: boolean;
  /** Stream the output as it is rendered. */
  streamOutput?: boolean;
  /** Values for previews in the dashboard; not used when the flow runs. */
  sampleData?: Json;
}

/** `generate-pdf`: render HTML or Markdown to a PDF file. */
export interface GeneratePdfConfig {
  /** HTML to render (or `markdown`). */
  html?: string;
  /** Markdown to render (or `html`). */
  markdown?: string;
  /** Name of the PDF file. */
  filename?: string;
  /** Who can open the file's URL. */
  visibility?: 'public' | 'private';
  /** PDF settings: page size, margins. */
  pdfOptions?: Json;
  /** Variable the file (its URL) is stored in. */
  outputVariable?: OutputVariable;
}

/** `store-asset`: store a file from a URL or from content. */
export interface StoreAssetConfig {
  /** Where to fetch the file from (or give `content`). */
  url?: string;
  /** The file's content (or give `url`). */
  content?: string;
  /** Name of the stored file. */
  filename?: string;
  /** MIME type, e.g. `text/csv`. */
  contentType?: string;
  /** Who can open the file's URL. */
  visibility?: 'public' | 'private';
  /** Variable the stored asset (its URL) is stored in. */
  outputVariable?: OutputVariable;
}

/** `fetch-url`: one HTTP request. */
export interface FetchUrlConfig {
  /** The request: URL, method, headers, body, timeout. */
  http?: HttpRequestConfig;
  /** How the response body is read. Default `json`. */
  responseType?: 'json' | 'text' | 'xml';
  /** Variable the response is stored in. */
  outputVariable?: OutputVariable;
}

/** `api-call`: an HTTP request with auth and a mapped response. */
export interface ApiCallConfig {
  /** The request: URL, method, headers, body, timeout. */
  http?: HttpRequestConfig;
  /** Authentication, as the API takes it; keys belong in `{{secret:NAME}}`. */
  auth?: Json;
  /** Body template of the request. */
  requestTemplate?: Json;
  /** Output field → path in the response, e.g. `{ stars: 'stargazers_count' }`. */
  responseMapping?: Json;
  /** Variable the (mapped) response is stored in. */
  outputVariable?: OutputVariable;
}

/** `paginate-api`: follow an API's pages and collect the entities. */
export interface PaginateApiConfig {
  /** URL of the first page. */
  url?: string;
  /** How the next page is found, e.g. `cursor`, `offset`, `page`. */
  paginationType?: string;
  /** Path of the entity list in each response, e.g. `data.items`. */
  entityPath?: string;
  /** Variable the collected entities are stored in. */
  outputVariable?: OutputVariable;
}

/** `crawl`: crawl a web site. */
export interface CrawlConfig {
  /** Where the crawl starts. */
  url?: string;
  /** Maximum pages to fetch (a whole number > 0). */
  limit?: number;
  /** Maximum link depth from `url` (a whole number ≥ 0). */
  depth?: number;
  /** Variable the pages are stored in. */
  outputVariable?: OutputVariable;
}

/** `search`: a web search. */
export interface SearchConfig {
  /** Search provider. */
  provider?: string;
  /** The query; `{{variables}}` allowed. */
  query?: string;
  /** Maximum results (a whole number > 0). */
  maxResults?: number;
  /** Variable the results are stored in. */
  outputVariable?: OutputVariable;
}

/** `fetch-github`: read files from a GitHub repository. */
export interface FetchGithubConfig {
  /** `owner/name`, as the document's example writes it. */
  repository?: string;
  /** `owner/name`, as the step catalogue writes it. */
  repo?: string;
  /** Branch to read. Default: the repository's default branch. */
  branch?: string;
  /** Folder or file inside the repository. */
  path?: string;
  /** Globs of the files to include. */
  includePatterns?: string[];
  /** Globs of the files to leave out. */
  excludePatterns?: string[];
  /** Compress the content (fewer tokens for a prompt). */
  compress?: boolean;
  /** Output layout, `xml` in the document's example. */
  style?: string;
  /** Variable the files are stored in. */
  outputVariable?: OutputVariable;
}

/** `tool-call`: call a saved tool. */
export interface ToolCallConfig {
  /** The tool's id. */
  toolId?: string;
  /** Arguments of the call. */
  parameters?: Json;
  /** Variable the tool's result is stored in. */
  outputVariable?: OutputVariable;
}

/** `transform-data`: run a script over the flow's variables. */
export interface TransformDataConfig {
  /** The script; its return value is the step's result. */
  script?: string;
  /** Variable the script's result is stored in. */
  outputVariable?: OutputVariable;
  /** Where the script runs. */
  sandboxProvider?:
    'cloudflare-worker' | 'quickjs' | 'runtype-sandbox' | 'daytona' | 'cloudflare-sandbox';
  /** The script's language. Default `javascript`. */
  language?: 'javascript' | 'typescript' | 'python';
}
