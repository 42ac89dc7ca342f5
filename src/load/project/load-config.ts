import path from 'node:path';
import { ConfigInputSchema, resolveConfig, type ResolvedConfig } from '../../model/config.js';
import { zodIssuesToDiagnostics } from '../../model/zod-diagnostics.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import type { ImportModule } from '../import/import-module.js';
import { moduleErrorDiagnostic } from '../import/module-error.js';

export interface LoadedConfig {
  config: ResolvedConfig;
  diagnostics: Diagnostic[];
}

/**
 * Imports and validates `runtype.config.*`; no file means the documented
 * defaults. The config is the module's default export; a file without one is
 * an error rather than silently the defaults (a named `export const config`
 * would otherwise be ignored, globs and environments with it).
 */
export async function loadConfig(
  configFile: string | undefined,
  importModule: ImportModule,
  root: string,
): Promise<LoadedConfig> {
  const defaults = { config: resolveConfig(undefined), diagnostics: [] };
  if (configFile === undefined) return defaults;
  let namespace: Record<string, unknown>;
  try {
    namespace = await importModule(configFile);
  } catch (error) {
    return {
      ...defaults,
      diagnostics: [await moduleErrorDiagnostic(configFile, error, { root, config: true })],
    };
  }
  if (namespace.default === undefined) {
    const named = Object.keys(namespace).filter(
      (name) => name !== 'default' && name !== '__esModule',
    );
    const exported =
      named.length > 0 ? ` (it exports ${named.map((n) => `"${n}"`).join(', ')})` : '';
    const d: Diagnostic = {
      severity: 'error',
      code: 'CONFIG_INVALID',
      file: configFile,
      message:
        `${path.basename(configFile)} has no default export${exported}, ` +
        'so none of it would be used',
      hint: 'Write the config as `export default defineConfig({ ... })`.',
      ...(named[0] === undefined ? {} : { exportName: named[0] }),
    };
    return { ...defaults, diagnostics: [d] };
  }
  const parsed = ConfigInputSchema.safeParse(namespace.default, { reportInput: true });
  if (!parsed.success) {
    const issues = zodIssuesToDiagnostics(parsed.error.issues, {
      file: configFile,
      code: 'CONFIG_INVALID',
    });
    return { ...defaults, diagnostics: issues.map((d) => ({ ...d, exportName: 'default' })) };
  }
  const config = resolveConfig(parsed.data);
  const diagnostics: Diagnostic[] = [];
  if (!(config.defaultEnvironment in config.environments)) {
    const d: Diagnostic = {
      severity: 'error',
      code: 'CONFIG_INVALID',
      file: configFile,
      path: ['defaultEnvironment'],
      message:
        `defaultEnvironment "${config.defaultEnvironment}" is not one of the environments ` +
        `(${Object.keys(config.environments).join(', ')})`,
      exportName: 'default',
    };
    diagnostics.push(d);
  }
  return { config, diagnostics };
}
