import { findProject } from '../load/project/find-config.js';
import type { ResolvedConfig } from '../model/config.js';
import type { Diagnostic } from '../model/diagnostics.js';
import type { AppContext } from './context.js';

export interface ProjectConfig {
  root: string;
  configFile?: string;
  config: ResolvedConfig;
  /** Problems of the config file; the config is the defaults then. */
  diagnostics: Diagnostic[];
}

/** The project's config alone, without loading a flow (for `envs` and `doctor`). */
export async function readProjectConfig(ctx: AppContext): Promise<ProjectConfig> {
  const { root, configFile } = findProject(ctx.cwd, ctx.configPath);
  const loaded = await ctx.loader.loadConfig(configFile, root);
  return { root, ...(configFile === undefined ? {} : { configFile }), ...loaded };
}
