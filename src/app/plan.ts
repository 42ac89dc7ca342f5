import type { Diagnostic } from '../model/diagnostics.js';
import { hasPendingChanges, planChanges, type Plan } from '../plan/index.js';
import { connect } from './connect.js';
import type { AppContext } from './context.js';
import { loadProjectAndTarget, type ProjectAndTarget } from './project.js';
import { assertKnownKeys, planAgainstRemote, planScope, readProgress } from './remote-plan.js';
import { preflight } from './remote-validation.js';
import type { PlanResult, TargetInfo } from './results.js';
import { unmanagedFlows, type UnmanagedFlow } from './unmanaged-flows.js';

export interface PlanOptions {
  env?: string;
  /** Fetch every tracked flow to see drift on flows unchanged in code. */
  refresh?: boolean;
  /** With refresh: not the flows unedited since the tool wrote them (status; see remote-plan). */
  skipUnedited?: boolean;
  /** Do not contact the API: compare code with the lock state only. */
  offline?: boolean;
  only?: readonly string[];
}

/** `plan`: what `sync` would do, computed read-only (no writer lock, no writes). */
export async function runPlan(ctx: AppContext, options: PlanOptions): Promise<PlanResult> {
  const loaded = await loadProjectAndTarget(ctx, options.env);
  const planned = options.offline
    ? await planOffline(ctx, loaded, options)
    : await planWithoutWriting(ctx, loaded, options);
  const { plan, target, diagnostics, unmanaged: found } = planned;
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
): Promise<PlannedView> {
  const { project, target, desired } = loaded;
  const connection = await connect(ctx, project, target, 'read-only');
  try {
    const scope = { ...planScope(options), onProgress: readProgress(ctx) };
    const { plan, remote } = await planAgainstRemote(connection, desired, scope);
    // `preflight: true`: the server's validator sees what this plan would write, before anyone
    // applies it.
    const code = { desired, root: project.root };
    const { preflight: check } = project.config;
    const checked = check ? await preflight(ctx, connection, plan.changes, code) : [];
    const unmanaged = unmanagedFlows(plan, remote, connection.lock.entries());
    return {
      plan,
      target: connection.info,
      diagnostics: [...project.diagnostics, ...checked],
      unmanaged,
    };
  } finally {
    await connection.close();
  }
}

// --- internal ---

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
    const plan = planChanges({ desired, tracked, ...planScope({ only: options.only }) });
    return { plan, target: connection.info, diagnostics: project.diagnostics };
  } finally {
    await connection.close();
  }
}
