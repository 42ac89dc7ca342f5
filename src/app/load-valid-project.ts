import { RuntypeError, type JsonValue } from '../errors.js';
import { loadProject, type Project } from '../load/project/load-project.js';
import { countBySeverity, hasErrors } from '../model/diagnostics.js';
import type { AppContext } from './context.js';

/**
 * Loads the project for a command that talks to the API. Every diagnostic is
 * shown; any error stops the command before anything remote or local changes.
 */
export async function loadValidProject(ctx: AppContext): Promise<Project> {
  const project = await loadProject({ cwd: ctx.cwd, importModule: ctx.importModule, ...(ctx.configPath ? { configPath: ctx.configPath } : {}) });
  reportProject(ctx, project);
  if (hasErrors(project.diagnostics)) {
    const { error } = countBySeverity(project.diagnostics);
    throw new RuntypeError('FLOWS_INVALID', `${error} error${error === 1 ? '' : 's'} in the project's flows; nothing was changed`, {
      hint: 'Fix the problems above (`runtype-flows validate` lists them again), then re-run.',
      meta: { diagnostics: project.diagnostics as unknown as JsonValue },
    });
  }
  return project;
}

/** What every command that loads the project shows of it: its diagnostics, and with --verbose the modules that define no flow. */
export function reportProject(ctx: Pick<AppContext, 'reporter'>, project: Project): void {
  ctx.reporter.diagnostics(project.diagnostics, project.root);
  for (const helper of project.helperModules) ctx.reporter.debug(`helper module (exports no flow): ${helper}`);
}
