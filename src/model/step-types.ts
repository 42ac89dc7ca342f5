import type { JsonValue } from '../errors.js';
import type { CUSTOM_STEP_BRAND } from './custom-step-brand.js';
import type { KnownStepType } from './step-configs.js';
import type * as C from './step-config-types.js';
import type * as D from './step-config-types-data.js';

/*
 * The step types users write. They are written out (not `z.input<…>` of the
 * schemas) so that the emitted .d.ts keeps their docs for the editor;
 * test/types/schema-types.test-d.ts proves they equal the schemas' input types.
 */

/** Fields every step has besides `type` and `config` (the API's step shape). */
export interface StepCommon {
  /**
   * Stable step id, unique within a flow (branches included): 1–128 letters, digits,
   * `_`, `-`, `:` or `.`. Default: a slug of `name` (cut to 128 characters with a hash).
   */
  id?: string;
  /** The step's name, shown in the dashboard. Not empty. */
  name: string;
  /** A disabled step is kept but skipped when the flow runs. Default `true`. */
  enabled?: boolean;
  /**
   * Position in its list: a whole number ≥ 0. Default: 1-based position in the
   * `steps` array (the API's examples number steps both from 0 and from 1).
   */
  order?: number;
  /** JS expression, at most 500 characters; a falsy result skips the step. */
  when?: string;
}

/** The conditional step's config: a condition and the steps of each branch. */
export interface ConditionalConfig {
  /** JS expression; `{{var}}` may appear in it. */
  condition?: string;
  /** Steps run when `condition` is true. */
  trueSteps?: readonly StepInput[];
  /** Steps run when `condition` is false. */
  falseSteps?: readonly StepInput[];
}

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

/** The config a step of type `T` takes (every field optional: the API types none). */
export type StepConfigInput<T extends KnownStepType> = StepConfigs[T];

/** A step of type `T` written as a plain object in the API's shape. */
export interface KnownStep<T extends KnownStepType> extends StepCommon {
  /** One of the API's 29 step types; it decides which `config` fields there are. */
  type: T;
  /** The type's settings; a misspelled field is an error. */
  config: StepConfigs[T];
}

/**
 * A step of a modelled type, written as a plain object in the API's shape:
 * a union discriminated by `type`, so a misspelled `type` or config field is
 * reported at that property with TypeScript's "Did you mean …?".
 */
export type KnownStepInput = { [T in KnownStepType]: KnownStep<T> }[KnownStepType];

/**
 * A step whose config the library does not model, made with `customStep()`.
 * The brand (a non-enumerable symbol at run time) keeps a plain object with
 * a misspelled `type` from passing as a custom step, and the branded `type`
 * keeps a plain `{ type: 'prompt', config }` from being checked against the
 * open config of a custom step: typos, in types and config fields, stay
 * compile errors.
 */
export type CustomStepInput = StepCommon & {
  type: CustomStepType;
  config: { [key: string]: JsonValue };
  readonly [CUSTOM_STEP_BRAND]: true;
};

/**
 * A custom step's type: a string no literal type matches (so a literal `type` picks a modelled
 * step).
 */
export type CustomStepType = string & { readonly [CUSTOM_STEP_BRAND]: true };

/** A step: a helper's result, `customStep(…)`, or a plain object in the API's shape. */
export type StepInput = KnownStepInput | CustomStepInput;

/** A step as a helper returns it. */
export type Step<T extends KnownStepType> = StepCommon & {
  id: string;
  type: T;
  config: StepConfigInput<T>;
};
