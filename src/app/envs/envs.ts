import path from 'node:path';
import { isRuntypeError } from '../../errors.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import { hasErrors } from '../../model/diagnostics.js';
import type { AppContext } from '../context.js';
import { readProjectConfig } from '../read-config.js';
import { resolveTarget, targetInfo } from '../target.js';

/**
 * One environment as `envs` lists it: where it points and whether its key is set (never the key).
 */
export interface EnvironmentInfo {
  name: string;
  kind: 'emulator' | 'remote';
  /** The config's defaultEnvironment. */
  default: boolean;
  /** What a command without --env uses (RUNTYPE_ENV, else the default). */
  selected: boolean;
  /** API base URL with /v1 (after RUNTYPE_API_URL); absent for the embedded emulator. */
  apiUrl?: string;
  /** The variable the key is read from (RUNTYPE_API_KEY when it overrides). */
  keyEnv?: string;
  keySet?: boolean;
  /** Lock state file, relative to the root; `shared` is the committed runtype.lock.json. */
  lockFile: string;
  lockLocation: 'shared' | 'local';
  publish: boolean;
  /** Why the environment cannot be used as configured (e.g. a bad RUNTYPE_API_URL). */
  problem?: string;
}

export interface EnvsResult {
  command: 'envs';
  ok: boolean;
  root: string;
  configFile?: string;
  /** Which variables override remote environments right now. */
  overrides: string[];
  environments: EnvironmentInfo[];
  diagnostics: Diagnostic[];
}

/** `envs`: the environments of the config and what each points at; reads nothing remote. */
export async function runEnvs(ctx: AppContext): Promise<EnvsResult> {
  const { root, configFile, config, diagnostics } = await readProjectConfig(ctx);
  const selectedName = ctx.env.RUNTYPE_ENV ?? config.defaultEnvironment;
  const environments = Object.keys(config.environments).map((name): EnvironmentInfo => {
    const base = {
      name,
      default: name === config.defaultEnvironment,
      selected: name === selectedName,
    };
    try {
      const target = resolveTarget(config, ctx.env, name, { keyOptional: true });
      const lockFile = targetInfo(root, target, undefined).lockFile.split(path.sep).join('/');
      const common = {
        ...base,
        kind: target.kind,
        lockFile,
        lockLocation: target.lockLocation,
        publish: target.publish,
      };
      if (target.kind === 'emulator') return common;
      return {
        ...common,
        apiUrl: target.apiUrl,
        keyEnv: target.apiKeyEnv,
        keySet: target.apiKey !== '',
      };
    } catch (error) {
      if (!isRuntypeError(error)) throw error;
      const env = config.environments[name]!;
      return {
        ...base,
        kind: env.kind,
        lockFile: '',
        lockLocation: 'shared',
        publish: env.publish,
        problem: error.message,
      };
    }
  });
  const overrides = ['RUNTYPE_ENV', 'RUNTYPE_API_URL', 'RUNTYPE_API_KEY'].filter((v) => ctx.env[v]);
  const ok = !hasErrors(diagnostics) && environments.every((e) => e.problem === undefined);
  return {
    command: 'envs',
    ok,
    root,
    ...(configFile ? { configFile } : {}),
    overrides,
    environments,
    diagnostics,
  };
}
