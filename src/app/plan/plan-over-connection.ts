import type { Diagnostic } from '../../model/diagnostics.js';
import { recordChanges } from '../../plan/index.js';
import type { OnlineConnection } from '../connect.js';
import type { AppContext } from '../context.js';
import { readProgress } from '../progress.js';
import type { ProjectAndTarget } from '../project.js';
import { preflight } from '../remote-validation.js';
import { planAgainstRemote, planScope, type RemotePlan } from './remote-plan.js';
import { lockStateHash, type PlanBasis } from './saved-plan.js';

export interface PlanRunOptions {
  only?: readonly string[];
  refresh?: boolean;
  skipUnedited?: boolean;
  /** Whether the run publishes (the flag, else the environment's setting). */
  publish: boolean;
  /** Read in full every remote flow the plan touches (a plan saved, or one checked again). */
  readTouched?: { deletions: boolean };
}

export interface PlannedRun {
  planned: RemotePlan;
  /** The project's diagnostics, then what the server's preflight found. */
  diagnostics: Diagnostic[];
  /** What the plan was made from: what a saved plan records and `sync --plan` compares. */
  basis(): Omit<PlanBasis, 'options'>;
}

/**
 * The plan `plan` shows and `sync` applies, made the same way over either's connection: its
 * scope (--only, --refresh, publishing), the remote read with progress, and with
 * `preflight: true` in the config the server's check of what the plan would write (errors stop
 * the run before anything is written).
 */
export async function planOverConnection(
  ctx: AppContext,
  connection: OnlineConnection,
  loaded: ProjectAndTarget,
  options: PlanRunOptions,
): Promise<PlannedRun> {
  const { project, desired } = loaded;
  const scope = {
    ...planScope(options),
    ...(options.readTouched ? { readTouched: options.readTouched } : {}),
    onProgress: readProgress(ctx),
  };
  const planned = await planAgainstRemote(connection, desired, scope);
  const code = { desired, root: project.root };
  const checked = project.config.preflight
    ? await preflight(ctx, connection, planned.plan.changes, code)
    : [];
  return {
    planned,
    diagnostics: [...project.diagnostics, ...checked],
    basis: () => ({
      target: connection.info,
      lockStateHash: lockStateHash(connection.lock),
      changes: recordChanges(planned.plan, planned.remote),
    }),
  };
}
