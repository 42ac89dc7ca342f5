import { hasPendingChanges, planChanges, type Plan } from '../plan/index.js';
import { lockPaths, readLockState } from '../state/index.js';
import type { AppContext } from './context.js';
import { lockTarget } from './lock-target.js';
import { assertKnownKeys, openSession, planAgainstRemote, prepareProject, targetInfo, type PlanOptions } from './prepare-plan.js';
import type { PlanResult } from './results.js';

/** `plan`: what `sync` would do, computed read-only (no writer lock, no writes). */
export async function runPlan(ctx: AppContext, options: PlanOptions): Promise<PlanResult> {
  const { project, target, desired, diagnostics } = await prepareProject(ctx, options);
  const where = lockTarget(project.root, target);
  const lockFile = lockPaths(where.root, where.location, where.section).lockfile;
  const state = await readLockState(where);
  const tracked = state.entries;
  let plan: Plan;
  let apiUrl: string | undefined;
  if (options.offline) {
    assertKnownKeys(options.only, desired, tracked);
    plan = planChanges({ desired, tracked, ...(options.only ? { only: options.only } : {}) });
  } else {
    const session = await openSession(ctx, project.root, target, project.config.concurrency, { readOnly: true });
    try {
      apiUrl = session.apiUrl;
      const onProgress = (done: number, total: number) => ctx.reporter.progress({ phase: 'reading remote flows', done, total });
      plan = (await planAgainstRemote(session, desired, tracked, { ...options, onProgress }, state.pendingCreates)).plan;
    } finally {
      await session.close();
    }
  }
  return {
    command: 'plan',
    ok: plan.summary.conflict === 0,
    target: targetInfo(project.root, target, apiUrl === undefined ? undefined : { apiUrl }, lockFile),
    plan,
    pendingChanges: hasPendingChanges(plan),
    diagnostics,
  };
}
