import { ConfigInputSchema, resolveConfig, type ResolvedConfig } from '../model/config.js';
import { zodIssuesToDiagnostics } from '../model/zod-diagnostics.js';
import type { Diagnostic } from '../model/diagnostics.js';
import type { ImportModule } from './import-module.js';
import { moduleErrorDiagnostic } from './module-error.js';

export interface LoadedConfig {
  config: ResolvedConfig;
  diagnostics: Diagnostic[];
}

/** Imports and validates `runtype.config.*`; no file means the documented defaults. */
export async function loadConfig(configFile: string | undefined, importModule: ImportModule): Promise<LoadedConfig> {
  if (configFile === undefined) return { config: resolveConfig(undefined), diagnostics: [] };
  let namespace: Record<string, unknown>;
  try {
    namespace = await importModule(configFile);
  } catch (error) {
    return { config: resolveConfig(undefined), diagnostics: [{ ...moduleErrorDiagnostic(configFile, error), code: 'CONFIG_LOAD_FAILED' }] };
  }
  const parsed = ConfigInputSchema.safeParse(namespace.default ?? {}, { reportInput: true });
  if (!parsed.success) {
    const diagnostics = zodIssuesToDiagnostics(parsed.error.issues, { file: configFile, code: 'CONFIG_INVALID' });
    return { config: resolveConfig(undefined), diagnostics };
  }
  const config = resolveConfig(parsed.data);
  const diagnostics: Diagnostic[] = [];
  if (!(config.defaultEnvironment in config.environments)) {
    diagnostics.push({
      severity: 'error',
      code: 'CONFIG_INVALID',
      file: configFile,
      path: ['defaultEnvironment'],
      message: `defaultEnvironment "${config.defaultEnvironment}" is not one of the environments (${Object.keys(config.environments).join(', ')})`,
    });
  }
  return { config, diagnostics };
}
