import path from 'node:path';
import type { Diagnostic } from '../../model/diagnostics.js';
import { hasPendingChanges, planChanges, type Plan, type SavedPlan } from '../../plan/index.js';
import { connect } from '../connect.js';
import type { AppContext } from '../context.js';
import { preloadApiClient } from '../open-api.js';
import { loadProjectAndTarget, type ProjectAndTarget } from '../project.js';
import type { PlanResult, TargetInfo } from '../results.js';
import { startListingAhead, type ListingAhead } from './listing-ahead.js';
import { planOverConnection } from './plan-over-connection.js';
import { assertKnownKeys, planScope } from './remote-plan.js';
import { savedPlanDocument, writeSavedPlan, type PlanBasis } from './saved-plan.js';
import { unmanagedFlows, type UnmanagedFlow } from './unmanaged-flows.js';

export interface PlanOptions {
  /** The environment's name (--env; default: RUNTYPE_ENV, else the config's). */
  envName?: string;
  /** Fetch every tracked flow to see drift on flows unchanged in code. */
  refresh?: boolean;
  /** With refresh: not the flows unedited since the tool wrote them (status; see remote-plan). */
  skipUnedited?: boolean;
  /** Do not contact the API: compare code with the lock state only. */
  offline?: boolean;
  only?: readonly string[];
  /**
   * `plan --out FILE`: also save the plan, with what it was made from, for `sync --plan FILE`
   * (relative to the working directory).
   */
  out?: string;
  /** With `out`: the saved plan deletes the flows removed from code (`sync --prune`). */
  prune?: boolean;
  /** Whether the run publishes (--publish / --no-publish); default: the environment's setting. */
  publish?: boolean;
}

/** `plan`: what `sync` would do, computed read-only (no writer lock, no writes). */
export async function runPlan(ctx: AppContext, options: PlanOptions): Promise<PlanResult> {
  if (options.offline === true) {
    const loaded = await loadProjectAndTarget(ctx, options.envName);
    return planResult(ctx, options, loaded, await planOffline(ctx, loaded, options));
  }
  // While the flows load: the API client's import, and for a remote environment the connection
  // and the account's listing (listing-ahead.ts).
  preloadApiClient();
  const ahead = startListingAhead(ctx, options.envName);
  try {
    const loaded = await loadProjectAndTarget(ctx, options.envName);
    const planned = await planWithoutWriting(ctx, loaded, options, ahead);
    return await planResult(ctx, options, loaded, planned);
  } finally {
    await ahead.discard();
  }
}

/** The plan as the command reports it; with `out`, saved first. */
async function planResult(
  ctx: AppContext,
  options: PlanOptions,
  loaded: ProjectAndTarget,
  planned: PlannedView,
): Promise<PlanResult> {
  const { plan, target, diagnostics, unmanaged: found } = planned;
  if (options.out !== undefined && planned.basis) {
    const basis = { ...planned.basis, options: savedOptions(options, loaded) };
    await writeSavedPlan(path.resolve(ctx.cwd, options.out), savedPlanDocument(basis, ctx.now()));
    ctx.reporter.info(
      `Saved the plan to ${options.out}; apply exactly it with: ` +
        `runtype-flows sync --plan ${options.out}`,
    );
  }
  const ok = plan.summary.conflict === 0;
  const pendingChanges = hasPendingChanges(plan);
  const unmanaged = found ? { unmanaged: found.length, unmanagedFlows: found } : {};
  return { command: 'plan', ok, target, plan, pendingChanges, diagnostics, ...unmanaged };
}

interface PlannedView {
  plan: Plan;
  target: TargetInfo;
  diagnostics: Diagnostic[];
  /** Remote flows nothing in code or in the lock state manages (not known offline). */
  unmanaged?: UnmanagedFlow[];
  /** With `out`: what the plan was made from, to save with it (not known offline). */
  basis?: Omit<PlanBasis, 'options'>;
}

/**
 * The plan `sync` would make, computed without writing anything: a
 * read-only connection (the lock state read without the writer lock, the
 * embedded emulator opened read-only) — so `plan`, `status` and
 * `sync --dry-run` work while a sync runs.
 */
export async function planWithoutWriting(
  ctx: AppContext,
  loaded: ProjectAndTarget,
  options: PlanOptions,
  ahead?: ListingAhead,
): Promise<PlannedView> {
  const { project, target } = loaded;
  const connection =
    (await ahead?.take(project.root, target)) ?? (await connect(ctx, project, target, 'read-only'));
  try {
    const publish = options.publish ?? target.publish;
    // A saved plan records the remote of every flow it touches, so `sync --plan` can compare.
    const saving = options.out !== undefined;
    const readTouched = saving ? { readTouched: { deletions: options.prune === true } } : {};
    const run = await planOverConnection(ctx, connection, loaded, {
      ...options,
      publish,
      ...readTouched,
    });
    const { plan, remote } = run.planned;
    const unmanaged = unmanagedFlows(plan, remote, connection.lock.entries());
    return {
      plan,
      target: connection.info,
      diagnostics: run.diagnostics,
      unmanaged,
      ...(saving ? { basis: run.basis() } : {}),
    };
  } finally {
    await connection.close();
  }
}

// --- internal ---

/** What of the command a saved plan fixes for `sync --plan`. */
function savedOptions(options: PlanOptions, loaded: ProjectAndTarget): SavedPlan['options'] {
  return {
    prune: options.prune === true,
    refresh: options.refresh === true,
    ...(options.only && options.only.length > 0 ? { only: [...options.only] } : {}),
    publish: options.publish ?? loaded.target.publish,
  };
}

/** Code against the lock state only: no key, no network (no adoption, drift or missing checks). */
async function planOffline(
  ctx: AppContext,
  loaded: ProjectAndTarget,
  options: PlanOptions,
): Promise<PlannedView> {
  const { project, target, desired } = loaded;
  const connection = await connect(ctx, project, target, 'offline');
  try {
    const tracked = connection.lock.entries();
    assertKnownKeys(options.only, desired, tracked);
    const publish = options.publish ?? target.publish;
    const plan = planChanges({ desired, tracked, publish, ...planScope({ only: options.only }) });
    return { plan, target: connection.info, diagnostics: project.diagnostics };
  } finally {
    await connection.close();
  }
}
