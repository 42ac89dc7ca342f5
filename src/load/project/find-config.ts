import { existsSync } from 'node:fs';
import path from 'node:path';
import { RuntypeError } from '../../errors.js';

const CONFIG_FILE_NAMES = [
  'runtype.config.ts',
  'runtype.config.mts',
  'runtype.config.js',
  'runtype.config.mjs',
] as const;

export interface ProjectLocation {
  /** Folder that globs, the lockfile and `.runtype/` resolve from. */
  root: string;
  /** Absolute path of the config file, when there is one. */
  configFile?: string;
}

/**
 * The project root is the folder of `runtype.config.*`, found from `cwd`
 * upward (or named by --config); without one, `cwd` itself (DESIGN.md).
 */
export function findProject(cwd: string, explicitConfig?: string): ProjectLocation {
  if (explicitConfig !== undefined) {
    const configFile = path.resolve(cwd, explicitConfig);
    if (!existsSync(configFile)) {
      throw new RuntypeError('CONFIG_NOT_FOUND', `Config file not found: ${configFile}`, {
        hint: 'Check the --config path, or omit it to search from the current directory upward.',
      });
    }
    return { root: path.dirname(configFile), configFile };
  }
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return { root: dir, configFile: candidate };
    }
    const parent = path.dirname(dir);
    if (parent === dir) return { root: path.resolve(cwd) };
    dir = parent;
  }
}
