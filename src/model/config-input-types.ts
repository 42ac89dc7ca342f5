/*
 * `runtype.config.ts` as users write it, with the docs an editor shows. The zod
 * schemas in config.ts check the same at run time (and the emitted .d.ts of
 * `z.input<…>` would carry no docs); test/types/schema-types.test-d.ts proves the
 * two equal.
 */

/** An environment served by the embedded local emulator: offline, no key. */
export interface EmulatorEnvironmentInput {
  /** Run the embedded local emulator in-process; its state lives in `.runtype/` (git-ignored). */
  emulator: true;
  /** Publish after each sync. Default: the config's `publish` (true). */
  publish?: boolean;
  /** What the environment is for. */
  description?: string;
}

/** An environment on a Runtype API (the real account, staging, a dev account). */
export interface RemoteEnvironmentInput {
  /** API base URL, with or without the `/v1` suffix, e.g. `https://api.runtype.com`. */
  url: string;
  /**
   * Name of the environment variable holding the API key (never the key itself). Default
   * `RUNTYPE_API_KEY`.
   */
  apiKeyEnv?: string;
  /**
   * A personal account: lock state is kept in `.runtype/` (git-ignored), not in runtype.lock.json.
   * Default false.
   */
  personal?: boolean;
  /** Section name in runtype.lock.json. Default: the environment's name. */
  lockSection?: string;
  /**
   * Publish after each sync, so the code is what runs. Default: the config's `publish` (true);
   * `false` keeps changes as drafts for review in the dashboard.
   */
  publish?: boolean;
  /** What the environment is for. */
  description?: string;
}

/** An environment of `runtype.config.ts`: the emulator or a remote API. */
export type EnvironmentInput = EmulatorEnvironmentInput | RemoteEnvironmentInput;

/** What `defineConfig({...})` takes. Every field is optional. */
export interface ConfigInput {
  /** Globs of the flow modules, relative to the project root. Default `flows/**\/*.ts`. */
  flows?: string | string[];
  /**
   * Targets by name (letters, digits, `-`, `_`), chosen with `--env NAME` or RUNTYPE_ENV.
   * Default: one environment, `default`, on RUNTYPE_API_URL (else the production API).
   */
  environments?: Record<string, EnvironmentInput>;
  /** The environment used when neither --env nor RUNTYPE_ENV names one. Default: the first one. */
  defaultEnvironment?: string;
  /** Maximum API requests in flight, 1–64. Default 8. */
  concurrency?: number;
  /**
   * Publish after each sync (an environment's `publish` wins). Default true: products run the
   * published version, so deploying means publishing; `false` keeps drafts for review.
   */
  publish?: boolean;
  /**
   * Step types to accept besides the API's 29, for when the API has gained a type this
   * version of runtype-flows does not list yet: such steps are taken with their config
   * unchecked (as with customStep()), and the embedded emulator accepts the same list.
   */
  extraStepTypes?: string[];
  /**
   * Before `plan` and `sync` write (or show) anything, send the flows about to be written
   * to the API's validator (writes nothing), so a deploy stops before its first write. One
   * request per changed flow. Default false.
   */
  preflight?: boolean;
  /**
   * Deadline of one API request, connect, headers and body together, in milliseconds (each
   * retry gets its own). Default 30000.
   */
  requestTimeoutMs?: number;
  /**
   * The longest `Retry-After` (429, 503) waited for, in milliseconds; a longer one fails that
   * flow, saying when to run again. Default 30000.
   */
  maxRetryAfterMs?: number;
  /**
   * How long loading the project (the config and every flow module) may take, in
   * milliseconds, before the CLI names the module that did not finish and stops.
   * RUNTYPE_LOAD_TIMEOUT_MS overrides it. Default 10000.
   */
  loadTimeoutMs?: number;
}
