import path from 'node:path';
import { isRuntypeError } from '../../errors.js';
import { hasErrors } from '../../model/diagnostics.js';
import type { AppContext } from '../context.js';
import type { EnvironmentInfo, EnvsResult } from '../results.js';
import { readProjectConfig } from '../project.js';
import { environmentName, targetFor, targetInfo } from '../target.js';

/** `envs`: the environments of the config and what each points at; reads nothing remote. */
export async function runEnvs(ctx: AppContext): Promise<EnvsResult> {
  const { root, configFile, config, diagnostics } = await readProjectConfig(ctx);
  const selectedName = environmentName(config, ctx.env, undefined).name;
  const environments = Object.keys(config.environments).map((name): EnvironmentInfo => {
    const base = {
      name,
      default: name === config.defaultEnvironment,
      selected: name === selectedName,
    };
    try {
      const target = targetFor(ctx, config, name, { keyOptional: true });
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
