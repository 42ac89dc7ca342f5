import type { ChangeOutcome } from '../apply/outcome.js';
import { executePlan } from '../apply/execute-plan.js';
import type { Change } from '../plan/index.js';
import { openLockStore } from '../state/index.js';
import type { AppContext } from './context.js';
import { lockRecorder, lockTarget } from './lock-target.js';
import { openSession, planAgainstRemote, prepareProject, targetInfo, type PlanOptions } from './prepare-plan.js';
import type { SyncResult } from './results.js';
import { countOutcomes, rerunCommand } from './sync-outcomes.js';

export interface SyncOptions extends PlanOptions {
  dryRun?: boolean;
  prune?: boolean;
  /** Confirms deletions (never anything else). */
  yes?: boolean;
  /** Overwrites drifted flows (never confirms deletions). */
  force?: boolean;
  publish?: boolean;
  /** The argv to show in "re-run with" hints. */
  argv?: readonly string[];
}

/**
 * `sync`: plan against the remote, confirm what needs confirming, apply with
 * bounded concurrency while recording every write durably, then fold the
 * journal into the lockfile. Deletions need --prune and a confirmation
 * (--yes, or a prompt on a terminal); without either nothing at all is applied.
 */
export async function runSync(ctx: AppContext, options: SyncOptions): Promise<SyncResult> {
  const started = ctx.now().getTime();
  const { project, target, desired, diagnostics } = await prepareProject(ctx, options);
  const where = lockTarget(project.root, target);
  const store = await openLockStore(where);
  let session: Awaited<ReturnType<typeof openSession>> | undefined;
  try {
    if (store.recovered.records > 0) ctx.reporter.info(`recovered ${store.recovered.records} journal record(s) from an interrupted run`);
    // Creates a killed run left in doubt are reconciled by name in the plan (adopt, not duplicate);
    // one whose flow has since left the code can only be pointed out.
    const keys = new Set(desired.map((d) => d.key));
    for (const pending of store.pendingCreates.filter((p) => !keys.has(p.key))) {
      ctx.reporter.warn(`an interrupted run was creating "${pending.name}" (key ${pending.key}), which is no longer in the code; if it landed, it is an untracked remote flow`);
    }
    session = await openSession(ctx, project.root, target, project.config.concurrency);
    const onProgress = (done: number, total: number) => ctx.reporter.progress({ phase: 'reading remote flows', done, total });
    const { plan } = await planAgainstRemote(session, desired, store.entries(), { ...options, onProgress }, store.pendingCreates);
    const base = { command: 'sync' as const, target: targetInfo(project.root, target, session, store.lockfile), plan, diagnostics };
    const finish = (outcomes: ChangeOutcome[], extra: Partial<SyncResult> = {}): SyncResult => ({
      ...base,
      ok: plan.summary.conflict === 0 && outcomes.every((o) => o.status !== 'failed'),
      dryRun: options.dryRun === true,
      outcomes,
      counts: countOutcomes(outcomes),
      durationMs: ctx.now().getTime() - started,
      ...extra,
    });

    if (options.dryRun) return finish([]);
    const deletions = plan.changes.filter((c) => c.kind === 'delete' && !c.alreadyGone);
    if (options.prune && deletions.length > 0 && !options.yes && !(await confirmDeletions(ctx, deletions))) {
      return finish([], { blocked: { reason: 'deletions', keys: deletions.map((c) => c.key), rerun: rerunCommand(options.argv, '--yes') } });
    }

    const total = plan.changes.filter((c) => c.kind !== 'noop').length;
    let failedSoFar = 0;
    let changedSoFar = 0;
    const outcomes = await executePlan(plan.changes, {
      api: session.api,
      lock: lockRecorder(store),
      concurrency: project.config.concurrency,
      prune: options.prune === true,
      force: options.force === true,
      publish: options.publish ?? target.publish,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      onOutcome: (outcome) => {
        if (outcome.kind === 'noop') return; // instant: counting them would run the bar ahead of the work
        changedSoFar += 1;
        if (outcome.status === 'failed') failedSoFar += 1;
        ctx.reporter.progress({ phase: 'sync', done: changedSoFar, total, item: `${outcome.action} ${outcome.key}`, failed: failedSoFar });
      },
    });
    await store.commit();
    const interrupted = ctx.signal?.aborted ? { interrupted: { notStarted: plan.changes.length - outcomes.length } } : {};
    const refused = outcomes.filter((o) => o.status === 'refused').map((o) => o.key);
    return finish(outcomes, { ...interrupted, ...(refused.length > 0 ? { blocked: { reason: 'drift', keys: refused, rerun: rerunCommand(options.argv, '--force') } } : {}) });
  } finally {
    await session?.close();
    await store.close();
  }
}

// --- internal ---

async function confirmDeletions(ctx: AppContext, deletions: readonly Change[]): Promise<boolean> {
  if (!ctx.interactive) return false;
  ctx.reporter.info(`sync --prune will DELETE ${deletions.length} remote flow(s): ${deletions.map((d) => `${d.key} ("${d.name}")`).join(', ')}`);
  return ctx.confirm('Delete them?');
}

