import type { ChangeOutcome } from '../apply/outcome.js';
import { RuntypeError } from '../errors.js';
import { executePlan } from '../apply/execute-plan.js';
import type { Change, Plan } from '../plan/index.js';
import type { AppContext } from './context.js';
import { lockRecorder } from './lock-target.js';
import { closeTarget, openTarget } from './open-target.js';
import { planReadOnly } from './plan-read-only.js';
import { planAgainstRemote, prepareProject, type PlanOptions, type PreparedProject } from './prepare-plan.js';
import type { SyncResult } from './results.js';
import { applyProgress, readProgress } from './run-progress.js';
import { preflight } from './remote-validation.js';
import { refusedWrites, serverDiagnostics } from './server-diagnostics.js';
import { settleOrphanedCreates } from './settle-orphaned-creates.js';
import { rerunCommand, summarizeRun } from './sync-outcomes.js';

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
  const prepared = await prepareProject(ctx, options);
  if (options.dryRun) return dryRun(ctx, options, prepared, started);
  const { project, target, desired, diagnostics } = prepared;
  const open = await openTarget(ctx, project.root, target, project.config);
  const { store, session } = open;
  try {
    const { plan, remote } = await planAgainstRemote(session, desired, store.entries(), { ...options, onProgress: readProgress(ctx) }, store.pendingCreates);
    const checked = project.config.preflight ? await preflight(ctx, session, plan.changes, prepared) : [];
    const finish = finisher(ctx, options, { command: 'sync', target: open.info, plan, diagnostics: [...diagnostics, ...checked] }, started);

    const deletions = refuseUnsafeDeletions(plan, options, prepared);
    if (options.prune && deletions.length > 0 && !options.yes && !(await confirmDeletions(ctx, deletions))) {
      return finish([], { blocked: { reason: 'deletions', keys: deletions.map((c) => c.key), rerun: rerunCommand(options.argv, '--yes') } });
    }

    const outcomes = await executePlan(plan.changes, {
      api: session.api,
      lock: lockRecorder(store),
      concurrency: project.config.concurrency,
      prune: options.prune === true,
      force: options.force === true,
      publish: options.publish ?? target.publish,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      onOutcome: applyProgress(ctx, plan),
    });
    if (!ctx.signal?.aborted) await settleOrphanedCreates(ctx, store, desired, remote);
    await store.commit();
    const refusedByServer = await reportServerRefusals(ctx, outcomes, prepared);
    const { refused, interrupted } = summarizeRun(plan, outcomes, ctx.signal?.aborted === true);
    return finish(outcomes, {
      diagnostics: [...diagnostics, ...checked, ...refusedByServer],
      ...(interrupted ? { interrupted } : {}),
      ...(refused.length > 0 ? { blocked: { reason: 'drift', keys: refused, rerun: rerunCommand(options.argv, '--force') } } : {}),
    });
  } finally {
    await closeTarget(open);
  }
}

// --- internal ---

/** A write the server refused names the fields it refused: shown at file:line:column like any diagnostic. */
async function reportServerRefusals(ctx: AppContext, outcomes: readonly ChangeOutcome[], prepared: PreparedProject) {
  const found = await serverDiagnostics(refusedWrites(outcomes), prepared.desired);
  if (found.length > 0) ctx.reporter.diagnostics(found, prepared.project.root);
  return found;
}

async function confirmDeletions(ctx: AppContext, deletions: readonly Change[]): Promise<boolean> {
  if (!ctx.interactive) return false;
  ctx.reporter.info(`sync --prune will DELETE ${deletions.length} remote flow(s): ${deletions.map((d) => `${d.key} ("${d.name}")`).join(', ')}`);
  return ctx.confirm('Delete them?');
}

/**
 * `sync --dry-run` writes nothing at all, not even the fold of a journal an
 * interrupted run left (see planReadOnly); it refuses what the real run would.
 */
async function dryRun(ctx: AppContext, options: SyncOptions, prepared: PreparedProject, started: number): Promise<SyncResult> {
  const { plan, target, diagnostics } = await planReadOnly(ctx, prepared, options);
  refuseUnsafeDeletions(plan, options, prepared);
  return finisher(ctx, options, { command: 'sync', target, plan, diagnostics }, started)([]);
}

/** The deletions --prune would make; none at all may come from a project with no flow in its code. */
function refuseUnsafeDeletions(plan: Plan, options: SyncOptions, { desired, project }: PreparedProject): Change[] {
  const deletions = plan.changes.filter((c) => c.kind === 'delete' && !c.alreadyGone);
  if (options.prune && deletions.length > 0 && desired.length === 0) throw pruneEverythingError(deletions.length, project.config.flows);
  return deletions;
}

function finisher(ctx: AppContext, options: SyncOptions, base: Pick<SyncResult, 'command' | 'target' | 'plan' | 'diagnostics'>, started: number) {
  return (outcomes: ChangeOutcome[], extra: Partial<SyncResult> = {}): SyncResult => {
    const { ok, counts } = summarizeRun(base.plan, outcomes, false);
    return { ...base, ok, dryRun: options.dryRun === true, outcomes, counts, durationMs: ctx.now().getTime() - started, ...extra };
  };
}

/** No flow in the code at all is far likelier a wrong glob or --cwd than a wish to delete every flow. */
function pruneEverythingError(count: number, globs: readonly string[]): RuntypeError {
  return new RuntypeError('PRUNE_EVERYTHING_REFUSED', `sync --prune would delete all ${count} tracked flow(s): no flow was found in the code (globs: ${globs.join(', ')})`, {
    hint: 'Check the flow globs in runtype.config.ts and --cwd. To retire every flow, keep one and prune the rest, then delete the last one in the dashboard.',
    meta: { count },
  });
}
