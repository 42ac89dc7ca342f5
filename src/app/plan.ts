import { hasPendingChanges, planChanges } from '../plan/index.js';
import { readLockState } from '../state/index.js';
import type { AppContext } from './context.js';
import { lockFileOf, lockTarget } from './lock-target.js';
import { planReadOnly } from './plan-read-only.js';
import { assertKnownKeys, prepareProject, targetInfo, type PlanOptions } from './prepare-plan.js';
import type { PlanResult } from './results.js';
import type { UnmanagedFlow } from './unmanaged-flows.js';

/** `plan`: what `sync` would do, computed read-only (no writer lock, no writes). */
export async function runPlan(ctx: AppContext, options: PlanOptions): Promise<PlanResult> {
  const prepared = await prepareProject(ctx, options);
  const planned = options.offline ? await planOffline(prepared, options) : await planReadOnly(ctx, prepared, options);
  const { plan, target, diagnostics } = planned;
  const found = 'unmanaged' in planned ? (planned.unmanaged as UnmanagedFlow[]) : undefined;
  const unmanaged = found ? { unmanaged: found.length, unmanagedFlows: found } : {};
  return { command: 'plan', ok: plan.summary.conflict === 0, target, plan, pendingChanges: hasPendingChanges(plan), diagnostics, ...unmanaged };
}

// --- internal ---

/** Code against the lock state only: no key, no network (no adoption, drift or missing checks). */
async function planOffline(prepared: Awaited<ReturnType<typeof prepareProject>>, options: PlanOptions) {
  const { project, target, desired } = prepared;
  const where = lockTarget(project.root, target);
  const { entries } = await readLockState(where);
  assertKnownKeys(options.only, desired, entries);
  const plan = planChanges({ desired, tracked: entries, ...(options.only ? { only: options.only } : {}) });
  return { plan, target: targetInfo(project.root, target, undefined, lockFileOf(where)), diagnostics: prepared.diagnostics };
}
