import { z } from 'zod';
import { apiKeyEnvError, environmentError, unknownFields, urlError } from './config-errors.js';

/**
 * `runtype.config.ts` as users write it (ConfigInput) and as the CLI uses it
 * (ResolvedConfig, every default filled in). A project with no config file
 * gets `resolveConfig(undefined)`: one `default` environment aimed at
 * RUNTYPE_API_URL (else production) with the key in RUNTYPE_API_KEY.
 */
export const PRODUCTION_API_URL = 'https://api.runtype.com';
export const DEFAULT_FLOW_GLOBS = ['flows/**/*.ts'] as const;
export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_API_KEY_ENV = 'RUNTYPE_API_KEY';

const envName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/i, 'environment names are letters, digits, "-" and "_"');

const emulatorEnvironment = {
  /** Run the embedded local emulator in-process for this environment. */
  emulator: z.literal(true),
  /** Publish after each sync (default true: the config's `publish`); false keeps drafts. */
  publish: z.boolean().optional(),
  /**
   * Flows that exist before first use in a fresh emulator state are none; state lives in .runtype/.
   */
  description: z.string().optional(),
};

const remoteEnvironment = {
  /** API base URL, with or without the `/v1` suffix. */
  url: z.url({ protocol: /^https?$/, error: urlError }),
  /** Name of the environment variable holding the API key (never the key itself). */
  apiKeyEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, { error: apiKeyEnvError })
    .optional(),
  /**
   * A personal account: lock state is kept in .runtype/ (git-ignored), not in runtype.lock.json.
   */
  personal: z.boolean().optional(),
  /** Section name in runtype.lock.json; defaults to the environment name. */
  lockSection: envName.optional(),
  /**
   * Publish after each sync: make the code live (default true: the config's `publish`); false
   * keeps every change a draft for review in the dashboard.
   */
  publish: z.boolean().optional(),
  description: z.string().optional(),
};

/** Either the emulator or a remote API; environmentError tells which one a broken entry meant. */
export const EnvironmentInputSchema = z.union(
  [strict('environment', emulatorEnvironment), strict('environment', remoteEnvironment)],
  { error: environmentError },
);

const configFields = {
  /** Globs, relative to the project root, of the flow modules. Default `flows/**\/*.ts`. */
  flows: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
      error: 'must be a glob or a list of globs, e.g. "flows/**/*.ts"',
    })
    .optional(),
  environments: z.record(envName, EnvironmentInputSchema).optional(),
  /** The environment used when neither --env nor RUNTYPE_ENV names one. */
  defaultEnvironment: envName.optional(),
  /** Maximum API requests in flight. Default 8. */
  concurrency: z.number().int().min(1).max(64).optional(),
  /**
   * Publish after each sync (default true: deploying makes the code live, since products run the
   * published version); an environment's `publish` wins.
   */
  publish: z.boolean().optional(),
  /**
   * Step types to accept besides the API's 29, for when the API has gained a
   * type this version of runtype-flows does not list yet: `validate` then
   * takes a step of such a type (its config unchecked, as with customStep())
   * instead of refusing it, and the embedded emulator accepts the same list.
   * Remove an entry once the library lists the type.
   */
  extraStepTypes: z
    .array(z.string().regex(/^\S+$/, 'must be a step type string such as "create-record"'))
    .optional(),
  /**
   * Before `plan` and `sync` write (or show) anything, send the flows they are
   * about to write to the API's own validator (POST /v1/public/flows/validate,
   * which writes nothing), so a deploy stops before its first write rather
   * than half way. One request per flow about to change. Default false.
   */
  preflight: z.boolean().optional(),
  /**
   * Deadline of one API request, connect, headers and body together, in
   * milliseconds (each retry gets its own). Default 30000.
   */
  requestTimeoutMs: z.number().int().min(100).max(600_000).optional(),
  /**
   * The longest `Retry-After` (429, 503) the tool waits for, in milliseconds;
   * a longer one fails that flow, saying when to run again. Default 30000.
   */
  maxRetryAfterMs: z.number().int().min(0).max(600_000).optional(),
  /**
   * How long loading the project (the config and every flow module) may take,
   * in milliseconds, before the CLI names the module that did not finish and
   * stops. RUNTYPE_LOAD_TIMEOUT_MS overrides it. Default 10000.
   */
  loadTimeoutMs: z.number().int().min(100).max(600_000).optional(),
};

export const ConfigInputSchema = strict('config', configFields);

export type { ConfigInput, EnvironmentInput } from './config-input-types.js';

export type ResolvedEnvironment =
  | { name: string; kind: 'emulator'; publish: boolean }
  | {
      name: string;
      kind: 'remote';
      url: string;
      apiKeyEnv: string;
      personal: boolean;
      lockSection: string;
      publish: boolean;
    };

export interface ResolvedConfig {
  flows: string[];
  environments: Record<string, ResolvedEnvironment>;
  defaultEnvironment: string;
  concurrency: number;
  /**
   * Step types accepted besides the API's list (ConfigInput's extraStepTypes); empty by default.
   */
  extraStepTypes: string[];
  /**
   * Check the flows about to be written with the API's validator first (ConfigInput's preflight).
   */
  preflight: boolean;
  /**
   * Deadline of one request in ms (ConfigInput's requestTimeoutMs); undefined: the client's 30 s.
   */
  requestTimeoutMs?: number;
  /** Longest Retry-After waited for, in ms; undefined: the client's 30 s. */
  maxRetryAfterMs?: number;
  /** Deadline of loading the project in ms (ConfigInput's loadTimeoutMs); undefined: 10 s. */
  loadTimeoutMs?: number;
  /** True when no runtype.config.* file was found. */
  implicit: boolean;
}

/** Fill defaults. `input` must already have passed ConfigInputSchema. */
export function resolveConfig(
  input: z.output<typeof ConfigInputSchema> | undefined,
): ResolvedConfig {
  const flows = input?.flows === undefined ? [...DEFAULT_FLOW_GLOBS] : [input.flows].flat();
  // Deploying makes code live: an update lands in a draft, and products run the published version.
  const publishDefault = input?.publish ?? true;
  const environments: Record<string, ResolvedEnvironment> = {};
  for (const [name, env] of Object.entries(input?.environments ?? {})) {
    environments[name] =
      'emulator' in env
        ? { name, kind: 'emulator', publish: env.publish ?? publishDefault }
        : {
            name,
            kind: 'remote',
            url: env.url,
            apiKeyEnv: env.apiKeyEnv ?? DEFAULT_API_KEY_ENV,
            personal: env.personal ?? false,
            lockSection: env.lockSection ?? name,
            publish: env.publish ?? publishDefault,
          };
  }
  if (Object.keys(environments).length === 0) {
    environments.default = {
      name: 'default',
      kind: 'remote',
      url: PRODUCTION_API_URL,
      apiKeyEnv: DEFAULT_API_KEY_ENV,
      personal: false,
      lockSection: 'default',
      publish: publishDefault,
    };
  }
  const defaultEnvironment = input?.defaultEnvironment ?? Object.keys(environments)[0] ?? 'default';
  return {
    flows,
    environments,
    defaultEnvironment,
    concurrency: input?.concurrency ?? DEFAULT_CONCURRENCY,
    extraStepTypes: [...(input?.extraStepTypes ?? [])],
    preflight: input?.preflight ?? false,
    ...(input?.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: input.requestTimeoutMs }),
    ...(input?.maxRetryAfterMs === undefined ? {} : { maxRetryAfterMs: input.maxRetryAfterMs }),
    ...(input?.loadTimeoutMs === undefined ? {} : { loadTimeoutMs: input.loadTimeoutMs }),
    implicit: input === undefined,
  };
}

// --- internal ---

/** A strict object whose unknown keys get "did you mean" one of its fields, as flow fields do. */
function strict<Shape extends z.core.$ZodLooseShape>(
  what: string,
  shape: Shape,
): z.ZodObject<Shape, z.core.$strict> {
  return z.strictObject(shape, { error: unknownFields(what, Object.keys(shape)) });
}
