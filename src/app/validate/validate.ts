import type { Project } from '../../load/index.js';
import { hasErrors } from '../../model/diagnostics.js';
import { connect } from '../connect.js';
import type { AppContext } from '../context.js';
import { loadProjectOf, toDesiredFlows } from '../project.js';
import { validateRemotely } from '../remote-validation.js';
import type { ValidateResult } from '../results.js';
import { chooseTarget } from '../target.js';

export interface ValidateOptions {
  /** Also send each valid flow to the server's validator (POST /v1/public/flows/validate). */
  remote?: boolean;
  envName?: string;
}

/**
 * Loads every flow and runs the static checks offline. With `remote`, the
 * flows that passed are also checked by the server (writing nothing): with
 * the environment's key when there is one (the server adds account checks),
 * else unauthenticated, and said so.
 */
export async function runValidate(
  ctx: AppContext,
  options: ValidateOptions = {},
): Promise<ValidateResult> {
  const project = await loadProjectOf(ctx);
  const remote = options.remote ? await checkRemotely(ctx, project, options.envName) : undefined;
  const diagnostics = [...project.diagnostics, ...(remote?.diagnostics ?? [])];
  return {
    command: 'validate',
    ok: !hasErrors(diagnostics),
    root: project.root,
    ...(project.configFile ? { configFile: project.configFile } : {}),
    files: project.files.length,
    flows: project.flows.map(({ flow, file }) => ({
      key: flow.key,
      name: flow.name,
      file,
      steps: flow.steps.length,
    })),
    helperModules: project.helperModules,
    diagnostics,
    ...(remote ? { remote: summaryOf(remote) } : {}),
  };
}

// --- internal ---

async function checkRemotely(ctx: AppContext, project: Project, envName: string | undefined) {
  const target = chooseTarget(ctx, project.config, envName, { keyOptional: true });
  const authenticated = target.kind === 'emulator' || target.apiKey !== '';
  if (!authenticated) {
    ctx.reporter.warn(
      `No API key for environment "${target.environment}" (${target.apiKeyEnv}): ` +
        'validating without one, so the server skips its account checks',
    );
  }
  // Writes nothing and plans nothing: the lock state is not even read.
  const connection = await connect(ctx, project, target, 'read-only', { lockState: false });
  try {
    const result = await validateRemotely(connection, toDesiredFlows(project.flows), authenticated);
    return { ...result, environment: target.environment };
  } finally {
    await connection.close();
  }
}

type RemoteSummary = NonNullable<ValidateResult['remote']>;

function summaryOf(remote: Awaited<ReturnType<typeof checkRemotely>>): RemoteSummary {
  const { environment, checked, authenticated, accountChecksPerformed } = remote;
  return { environment, checked, authenticated, accountChecksPerformed };
}
