import type { Diagnostic } from '../model/diagnostics.js';
import type { Plan } from '../plan/index.js';
import { readLockState } from '../state/index.js';
import type { AppContext } from './context.js';
import { lockFileOf, lockTarget } from './lock-target.js';
import { openSession, sessionOptionsOf } from './open-session.js';
import { planAgainstRemote, targetInfo, type PlanOptions, type PreparedProject } from './prepare-plan.js';
import type { TargetInfo } from './results.js';
import { preflight } from './remote-validation.js';
import { readProgress } from './run-progress.js';
import { unmanagedFlows, type UnmanagedFlow } from './unmanaged-flows.js';

/**
 * The plan `sync` would make, computed without writing anything: the lock
 * state is read (lockfile plus any journal an interrupted run left, folded in
 * memory) without the writer lock, and the embedded emulator is opened
 * read-only — so `plan`, `status` and `sync --dry-run` work while a sync runs.
 */
export async function planReadOnly(
  ctx: AppContext,
  prepared: PreparedProject,
  options: PlanOptions,
): Promise<{ plan: Plan; target: TargetInfo; diagnostics: Diagnostic[]; unmanaged: UnmanagedFlow[] }> {
  const { project, target, desired } = prepared;
  const where = lockTarget(project.root, target);
  const state = await readLockState(where);
  const session = await openSession(ctx, project.root, target, project.config.concurrency, {
    ...sessionOptionsOf(project.config),
    readOnly: true,
  });
  try {
    const { plan, remote } = await planAgainstRemote(session, desired, state.entries, { ...options, onProgress: readProgress(ctx) }, state.pendingCreates);
    // `preflight: true`: the server's validator sees what this plan would write, before anyone applies it.
    const checked = project.config.preflight ? await preflight(ctx, session, plan.changes, prepared) : [];
    const info = targetInfo(project.root, target, session, lockFileOf(where));
    return { plan, target: info, diagnostics: [...prepared.diagnostics, ...checked], unmanaged: unmanagedFlows(plan, remote, state.entries) };
  } finally {
    await session.close();
  }
}
