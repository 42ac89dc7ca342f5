import { hasErrors } from '../model/diagnostics.js';
import { loadProject, type Project } from '../load/project/load-project.js';
import type { AppContext } from './context.js';
import { toDesiredFlows } from './desired-flows.js';
import { openSession } from './open-session.js';
import { chooseTarget } from './prepare-plan.js';
import { validateRemotely } from './remote-validation.js';
import type { ValidateResult } from './results.js';

export interface ValidateOptions {
  /** Also send each valid flow to the server's validator (POST /v1/public/flows/validate). */
  remote?: boolean;
  env?: string;
}

/**
 * Loads every flow and runs the static checks offline. With `remote`, the
 * flows that passed are also checked by the server (writing nothing): with
 * the environment's key when there is one (the server adds account checks),
 * else unauthenticated, and said so.
 */
export async function runValidate(ctx: AppContext, options: ValidateOptions = {}): Promise<ValidateResult> {
  const project = await loadProject({ cwd: ctx.cwd, importModule: ctx.importModule, ...(ctx.configPath ? { configPath: ctx.configPath } : {}) });
  const remote = options.remote ? await checkRemotely(ctx, project, options.env) : undefined;
  const diagnostics = [...project.diagnostics, ...(remote?.diagnostics ?? [])];
  return {
    command: 'validate',
    ok: !hasErrors(diagnostics),
    root: project.root,
    ...(project.configFile ? { configFile: project.configFile } : {}),
    files: project.files.length,
    flows: project.flows.map(({ flow, file }) => ({ key: flow.key, name: flow.name, file, steps: flow.steps.length })),
    helperModules: project.helperModules,
    diagnostics,
    ...(remote ? { remote: { environment: remote.environment, checked: remote.checked, authenticated: remote.authenticated, accountChecksPerformed: remote.accountChecksPerformed } } : {}),
  };
}

// --- internal ---

async function checkRemotely(ctx: AppContext, project: Project, env: string | undefined) {
  const target = chooseTarget(ctx, project.config, env, { keyOptional: true });
  const authenticated = target.kind === 'emulator' || target.apiKey !== '';
  if (!authenticated) {
    ctx.reporter.warn(`No API key for environment "${target.environment}" (${target.apiKeyEnv}): validating without one, so the server skips its account checks`);
  }
  const session = await openSession(ctx, project.root, target, project.config.concurrency, {
    readOnly: true,
    extraStepTypes: project.config.extraStepTypes,
  });
  try {
    const result = await validateRemotely(session, toDesiredFlows(project.flows), authenticated);
    return { ...result, environment: target.environment };
  } finally {
    await session.close();
  }
}
