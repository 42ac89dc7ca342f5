import type { ChangeOutcome } from '../apply/outcome.js';
import { RuntypeError } from '../errors.js';
import type { Change, Plan } from '../plan/index.js';
import { applyPlan, summarizeRun } from './apply-plan.js';
import { connect } from './connect.js';
import type { AppContext } from './context.js';
import { rerunCommand } from './rerun-command.js';
import { planWithoutWriting, type PlanOptions } from './plan.js';
import { loadProjectAndTarget, type ProjectAndTarget } from './project.js';
import { planAgainstRemote, planScope, readProgress } from './remote-plan.js';
import { preflight } from './remote-validation.js';
import type { SyncResult } from './results.js';

export interface SyncOptions extends PlanOptions {
  dryRun?: boolean;
  prune?: boolean;
  /** Confirms deletions (never anything else). */
  yes?: boolean;
  /** Overwrites drifted flows (never confirms deletions). */
  force?: boolean;
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
  const loaded = await loadProjectAndTarget(ctx, options.env);
  if (options.dryRun) return dryRun(ctx, options, loaded, started);
  const { project, target, desired } = loaded;
  const connection = await connect(ctx, project, target, 'write');
  try {
    const publish = options.publish ?? target.publish;
    const scope = { ...planScope({ ...options, publish }), onProgress: readProgress(ctx) };
    const planned = await planAgainstRemote(connection, desired, scope);
    const { plan } = planned;
    const code = { desired, root: project.root };
    const { preflight: check } = project.config;
    const checked = check ? await preflight(ctx, connection, plan.changes, code) : [];
    const diagnostics = [...project.diagnostics, ...checked];
    const base = { command: 'sync' as const, target: connection.info, plan, diagnostics };
    const finish = finisher(ctx, options, base, started);

    const deletions = refuseUnsafeDeletions(plan, options, loaded);
    const unconfirmed = options.prune && deletions.length > 0 && !options.yes;
    if (unconfirmed && !(await confirmDeletions(ctx, deletions))) {
      const keys = deletions.map((c) => c.key);
      const rerun = rerunCommand(options.argv, '--yes');
      return finish([], { blocked: { reason: 'deletions', keys, rerun } });
    }

    const { outcomes, refusals } = await applyPlan(ctx, connection, planned, {
      desired,
      concurrency: project.config.concurrency,
      prune: options.prune === true,
      force: options.force === true,
      publish,
      progress: true,
    });
    // A write the server refused names the fields it refused: shown at file:line:column like any
    // diagnostic.
    if (refusals.length > 0) ctx.reporter.diagnostics(refusals, project.root);
    const run = summarizeRun(plan, outcomes, ctx.signal?.aborted === true);
    const { refused, interrupted } = run;
    const rerun = rerunCommand(options.argv, '--force');
    return finish(run.outcomes, {
      diagnostics: [...diagnostics, ...refusals],
      ...(interrupted ? { interrupted } : {}),
      ...(refused.length > 0 ? { blocked: { reason: 'drift', keys: refused, rerun } } : {}),
    });
  } finally {
    await connection.close();
  }
}

// --- internal ---

async function confirmDeletions(ctx: AppContext, deletions: readonly Change[]): Promise<boolean> {
  if (!ctx.interactive) return false;
  const listed = deletions.map((d) => `${d.key} ("${d.name}")`).join(', ');
  ctx.reporter.info(`sync --prune will DELETE ${deletions.length} remote flow(s): ${listed}`);
  return ctx.confirm('Delete them?');
}

/**
 * `sync --dry-run` writes nothing at all, not even the fold of a journal an
 * interrupted run left (see planWithoutWriting); it refuses what the real run would.
 */
async function dryRun(
  ctx: AppContext,
  options: SyncOptions,
  loaded: ProjectAndTarget,
  started: number,
): Promise<SyncResult> {
  const { plan, target, diagnostics } = await planWithoutWriting(ctx, loaded, options);
  refuseUnsafeDeletions(plan, options, loaded);
  return finisher(ctx, options, { command: 'sync', target, plan, diagnostics }, started)([]);
}

/**
 * The deletions --prune would make; none at all may come from a project with no flow in its code.
 */
function refuseUnsafeDeletions(
  plan: Plan,
  options: SyncOptions,
  loaded: ProjectAndTarget,
): Change[] {
  const deletions = plan.changes.filter((c) => c.kind === 'delete' && !c.alreadyGone);
  if (options.prune && deletions.length > 0 && loaded.desired.length === 0) {
    throw pruneEverythingError(deletions.length, loaded.project.config.flows);
  }
  return deletions;
}

function finisher(
  ctx: AppContext,
  options: SyncOptions,
  base: Pick<SyncResult, 'command' | 'target' | 'plan' | 'diagnostics'>,
  started: number,
) {
  return (outcomes: ChangeOutcome[], extra: Partial<SyncResult> = {}): SyncResult => {
    const { ok, counts } = summarizeRun(base.plan, outcomes, false);
    const durationMs = ctx.now().getTime() - started;
    return { ...base, ok, dryRun: options.dryRun === true, outcomes, counts, durationMs, ...extra };
  };
}

/**
 * No flow in the code at all is far likelier a wrong glob or --cwd than a wish to delete every
 * flow.
 */
function pruneEverythingError(count: number, globs: readonly string[]): RuntypeError {
  const message =
    `sync --prune would delete all ${count} tracked flow(s): ` +
    `no flow was found in the code (globs: ${globs.join(', ')})`;
  return new RuntypeError('PRUNE_EVERYTHING_REFUSED', message, {
    hint:
      'Check the flow globs in runtype.config.ts and --cwd. To retire every flow, keep one and ' +
      'prune the rest, then delete the last one in the dashboard.',
    meta: { count },
  });
}
