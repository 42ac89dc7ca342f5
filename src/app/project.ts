import {
  findProject,
  type LoadedFlow,
  type LoadedProject,
  type LocationCache,
  type ProjectLocation,
} from '../load/index.js';
import { RuntypeError, type JsonValue } from '../errors.js';
import type { ResolvedConfig } from '../model/config.js';
import { countBySeverity, hasErrors, type Diagnostic } from '../model/diagnostics.js';
import { contentHash, toFlowPayload, type DesiredFlow } from '../plan/index.js';
import type { AppContext } from './context.js';
import { chooseTarget, type Target } from './target.js';

/** A valid project, the target it works against, and its flows as the planner compares them. */
export interface ProjectAndTarget {
  project: LoadedProject;
  target: Target;
  desired: DesiredFlow[];
}

/**
 * Where the project is, as the context places it (cwd, --config): its root and config file. The
 * one place the app (and the CLI, for `.env`) finds it.
 */
export function locateProject(ctx: Pick<AppContext, 'cwd' | 'configPath'>): ProjectLocation {
  return findProject(ctx.cwd, ctx.configPath);
}

export interface ProjectConfig {
  root: string;
  configFile?: string;
  config: ResolvedConfig;
  /** Problems of the config file; the config is the defaults then. */
  diagnostics: Diagnostic[];
}

/** The project's config alone, without loading a flow (`envs`, `doctor`, the listing ahead). */
export async function readProjectConfig(ctx: AppContext): Promise<ProjectConfig> {
  const { root, configFile } = locateProject(ctx);
  const loaded = await ctx.loader.loadConfig(configFile, root);
  return { root, ...(configFile === undefined ? {} : { configFile }), ...loaded };
}

/**
 * The project as the context places it (cwd, --config); `locations` for a process that loads it
 * again and again, `changed` for one that knows which files changed since its last load.
 */
export function loadProjectOf(
  ctx: AppContext,
  locations?: LocationCache,
  changed?: readonly string[],
): Promise<LoadedProject> {
  return ctx.loader.loadProject({
    cwd: ctx.cwd,
    ...(ctx.configPath ? { configPath: ctx.configPath } : {}),
    ...(locations ? { locations } : {}),
    ...(changed ? { changed } : {}),
  });
}

/** Load + validate + choose the target: the part of every API command that needs no network. */
export async function loadProjectAndTarget(
  ctx: AppContext,
  envName: string | undefined,
): Promise<ProjectAndTarget> {
  const project = await loadValidProject(ctx);
  const target = chooseTarget(ctx, project.config, envName);
  return { project, target, desired: toDesiredFlows(project.flows) };
}

/**
 * Loads the project for a command that talks to the API. Every diagnostic is
 * shown; any error stops the command before anything remote or local changes.
 */
export async function loadValidProject(ctx: AppContext): Promise<LoadedProject> {
  const project = await loadProjectOf(ctx);
  reportProject(ctx, project);
  if (hasErrors(project.diagnostics)) {
    const { error } = countBySeverity(project.diagnostics);
    const errors = `${error} error${error === 1 ? '' : 's'}`;
    const message = `${errors} in the project's flows; nothing was changed`;
    throw new RuntypeError('FLOWS_INVALID', message, {
      hint: 'Fix the problems above (`runtype-flows validate` lists them again), then re-run.',
      meta: { diagnostics: project.diagnostics as unknown as JsonValue },
    });
  }
  return project;
}

/**
 * What every command that loads the project shows of it: its diagnostics, and with --verbose the
 * modules that define no flow.
 */
export function reportProject(
  ctx: Pick<AppContext, 'reporter'>,
  project: Pick<LoadedProject, 'diagnostics' | 'root' | 'helperModules'>,
): void {
  ctx.reporter.diagnostics(project.diagnostics, project.root);
  for (const helper of project.helperModules) {
    ctx.reporter.debug(`helper module (exports no flow): ${helper}`);
  }
}

/** Code-side flows in the form the planner compares: canonical payload plus its hash. */
export function toDesiredFlows(flows: readonly LoadedFlow[]): DesiredFlow[] {
  return flows.map(({ flow, file }) => {
    const payload = toFlowPayload(flow);
    return { key: flow.key, payload, hash: contentHash(payload), file };
  });
}
