import type { Plan } from '../plan/index.js';
import { lockPaths, readLockState } from '../state/index.js';
import type { AppContext } from './context.js';
import { lockTarget } from './lock-target.js';
import { openSession } from './open-session.js';
import { planAgainstRemote, targetInfo, type PlanOptions, type PreparedProject } from './prepare-plan.js';
import type { TargetInfo } from './results.js';

/**
 * The plan `sync` would make, computed without writing anything: the lock
 * state is read (lockfile plus any journal an interrupted run left, folded in
 * memory) without the writer lock, and the embedded emulator is opened
 * read-only — so `plan`, `status` and `sync --dry-run` work while a sync runs.
 */
export async function planReadOnly(ctx: AppContext, prepared: PreparedProject, options: PlanOptions): Promise<{ plan: Plan; target: TargetInfo }> {
  const { project, target, desired } = prepared;
  const where = lockTarget(project.root, target);
  const state = await readLockState(where);
  const session = await openSession(ctx, project.root, target, project.config.concurrency, { readOnly: true });
  try {
    const onProgress = (done: number, total: number) => ctx.reporter.progress({ phase: 'reading remote flows', done, total });
    const { plan } = await planAgainstRemote(session, desired, state.entries, { ...options, onProgress }, state.pendingCreates);
    return { plan, target: targetInfo(project.root, target, session, lockPaths(where.root, where.location, where.section).lockfile) };
  } finally {
    await session.close();
  }
}
