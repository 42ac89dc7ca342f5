/** Every diagnostic code the model emits. Stable once published: tools and tests match on them. */
export const DiagnosticCodes = {
  /** A top-level flow field is missing or has the wrong type (name, key, steps, ...). */
  FLOW_INVALID: 'FLOW_INVALID',
  /** `steps` is an empty list. */
  FLOW_EMPTY_STEPS: 'FLOW_EMPTY_STEPS',
  /** A top-level field defineFlow does not know (often a typo). */
  FLOW_FIELD_UNKNOWN: 'FLOW_FIELD_UNKNOWN',
  /** A step is not an object, or a step-level field is missing or wrong. */
  STEP_INVALID: 'STEP_INVALID',
  /** A step-level field outside the API's step shape. */
  STEP_FIELD_UNKNOWN: 'STEP_FIELD_UNKNOWN',
  /** `type` is not a string. */
  STEP_TYPE_INVALID: 'STEP_TYPE_INVALID',
  /**
   * A plain step's `type` is not the API's but a typo's distance from one of its types (error, with
   * the suggestion).
   */
  STEP_TYPE_TYPO: 'STEP_TYPE_TYPO',
  /**
   * Any other `type` outside the API's closed list and the config's extraStepTypes, customStep()
   * included (error).
   */
  STEP_TYPE_UNKNOWN: 'STEP_TYPE_UNKNOWN',
  /**
   * A config value of another type than runtype-flows reads in the docs (a warning: the API types
   * no config field).
   */
  STEP_CONFIG_INVALID: 'STEP_CONFIG_INVALID',
  /** An unknown config field close to a known one (error, with the suggestion). */
  STEP_CONFIG_FIELD_TYPO: 'STEP_CONFIG_FIELD_TYPO',
  /** An unknown config field (a warning: sent as written). */
  STEP_CONFIG_FIELD_UNKNOWN: 'STEP_CONFIG_FIELD_UNKNOWN',
  /**
   * Two steps of one flow share an id (branches included; a missing id is derived from the name).
   */
  DUPLICATE_STEP_ID: 'DUPLICATE_STEP_ID',
  /**
   * Two steps of one list share an `order` (a warning: their relative order is then up to the API).
   */
  DUPLICATE_STEP_ORDER: 'DUPLICATE_STEP_ORDER',
  /** Conditionals nested deeper than the API accepts (10 levels). */
  CONDITIONAL_TOO_DEEP: 'CONDITIONAL_TOO_DEEP',
  /** A flow glob, or a symlink it reaches, leads outside the project root: never imported. */
  FLOW_OUTSIDE_PROJECT: 'FLOW_OUTSIDE_PROJECT',
  /**
   * Warning: past a limit the API document does not state (size, depth, name length;
   * api-limits.ts).
   */
  API_LIMIT: 'API_LIMIT',
  /** Two flows of the project share a key (checkFlowSet; names both files). */
  DUPLICATE_FLOW_KEY: 'DUPLICATE_FLOW_KEY',
  /** Two flows of the project share a name (checkFlowSet; names both files). */
  DUPLICATE_FLOW_NAME: 'DUPLICATE_FLOW_NAME',
  /** A value JSON cannot carry: function, undefined in an array, Date, BigInt, cycle, NaN, ... */
  NON_JSON_VALUE: 'NON_JSON_VALUE',
  /** `{{name}}` that no input, earlier step output or built-in defines. */
  UNKNOWN_VARIABLE: 'UNKNOWN_VARIABLE',
  /**
   * `{{_name}}` with an undocumented system-variable root (a warning: the full list is not
   * documented).
   */
  UNKNOWN_SYSTEM_VARIABLE: 'UNKNOWN_SYSTEM_VARIABLE',
  /** `{{name}}` defined only by a later step (or by the other branch of a conditional). */
  VARIABLE_USED_BEFORE_DEFINED: 'VARIABLE_USED_BEFORE_DEFINED',
  /** A literal that looks like an API key or secret (flows are committed to git). */
  SECRET_LITERAL: 'SECRET_LITERAL',
  /** An allowSecrets entry that allows nothing (a warning: stale, or a path that moved). */
  SECRET_ALLOW_UNUSED: 'SECRET_ALLOW_UNUSED',
  /**
   * Loader: the flow globs matched no file (a warning; sync refuses to prune on it). Names the
   * globs and the root.
   */
  NO_FLOW_FILES: 'NO_FLOW_FILES',
  /**
   * `validate` found no flow at all (an error unless --allow-empty): a wrong glob or --cwd,
   * usually.
   */
  NO_FLOWS: 'NO_FLOWS',
  /**
   * Loader: an export that looks like a flow but is not read as one — an array of flows, a Promise
   * of one, steps without a key (a warning).
   */
  FLOW_EXPORT_IGNORED: 'FLOW_EXPORT_IGNORED',
} as const;

export type DiagnosticCode = (typeof DiagnosticCodes)[keyof typeof DiagnosticCodes];
