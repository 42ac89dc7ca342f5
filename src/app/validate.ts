import { hasErrors } from '../model/diagnostics.js';
import { loadProject } from '../load/load-project.js';
import type { AppContext } from './context.js';
import type { ValidateResult } from './results.js';

/** Loads every flow and runs the static checks; never touches the network. */
export async function runValidate(ctx: AppContext): Promise<ValidateResult> {
  const project = await loadProject({ cwd: ctx.cwd, importModule: ctx.importModule, ...(ctx.configPath ? { configPath: ctx.configPath } : {}) });
  return {
    command: 'validate',
    ok: !hasErrors(project.diagnostics),
    root: project.root,
    ...(project.configFile ? { configFile: project.configFile } : {}),
    files: project.files.length,
    flows: project.flows.map(({ flow, file }) => ({ key: flow.key, name: flow.name, file, steps: flow.steps.length })),
    helperModules: project.helperModules,
    diagnostics: project.diagnostics,
  };
}
