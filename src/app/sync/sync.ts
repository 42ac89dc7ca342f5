import path from 'node:path';
import type { ChangeOutcome } from '../../apply/outcome.js';
import { RuntypeError } from '../../errors.js';
import type { Change, Plan, SavedPlan } from '../../plan/index.js';
import { connect } from '../connect.js';
import type { AppContext } from '../context.js';
import { preloadApiClient } from '../open-api.js';
import { planOverConnection } from '../plan/plan-over-connection.js';
import { planWithoutWriting, type PlanOptions } from '../plan/plan.js';
import { readSavedPlan, savedPlanDifferences } from '../plan/saved-plan.js';
import { loadProjectAndTarget, type ProjectAndTarget } from '../project.js';
import { rerunCommand } from '../rerun-command.js';
import type { SyncBlocked, SyncResult } from '../results.js';
import { applyPlan, summarizeRun } from './apply-plan.js';
import { reviewBeforeApply } from './review.js';
import { warnExtraStepTypes } from './extra-step-types.js';

export interface SyncOptions extends PlanOptions {
  dryRun?: boolean;
  prune?: boolean;
  /** Answers every question (the review before writing, deletions). */
  yes?: boolean;
  /** Overwrites drifted flows (never confirms deletions). */
  force?: boolean;
  /**
   * A plan saved by `plan --out`: applied only if planning now gives exactly it (its scope,
   * --prune and publishing come from the file; cli/ refuses the flags that would change it).
   */
  planFile?: string;
  /** The argv to show in "re-run with" hints. */
  argv?: readonly string[];
}

/**
 * `sync`: plan against the remote, confirm what needs confirming, apply with
 * bounded concurrency while recording every write durably, then fold the
 * journal into the lockfile. On a terminal the plan is reviewed before the
 * first write; deletions need --prune and a confirmation (--yes, or the
 * question on a terminal); when a question is declined or unanswered nothing
 * at all is applied. With a saved plan, anything else than that plan is refused.
 */
export async function runSync(ctx: AppContext, options: SyncOptions): Promise<SyncResult> {
  const started = ctx.now().getTime();
  const saved =
    options.planFile === undefined
      ? undefined
      : await readSavedPlan(path.resolve(ctx.cwd, options.planFile));
  const settings = saved ? { ...options, ...savedSettings(saved) } : options;
  preloadApiClient(); // while the flows load
  const loaded = await loadProjectAndTarget(ctx, settings.envName);
  if (settings.dryRun) return dryRun(ctx, settings, loaded, started);
  const { project, target, desired } = loaded;
  warnExtraStepTypes(ctx, target, project.config.extraStepTypes, desired);
  const connection = await connect(ctx, project, target, 'write');
  try {
    const publish = settings.publish ?? target.publish;
    // A saved plan recorded the remote of every flow it touches: read them again to compare.
    const readTouched = saved ? { readTouched: { deletions: saved.options.prune } } : {};
    const planRun = await planOverConnection(ctx, connection, loaded, {
      ...settings,
      publish,
      ...readTouched,
    });
    const { planned, diagnostics } = planRun;
    const { plan } = planned;
    const base = { command: 'sync' as const, target: connection.info, plan, diagnostics };
    const finish = finisher(ctx, settings, base, started);
    const prune = settings.prune === true;

    if (saved && options.planFile !== undefined) {
      // Publishing as the saved plan says (sync --plan takes no --publish/--no-publish).
      const now = { ...planRun.basis(), options: { ...saved.options, publish } };
      const differences = savedPlanDifferences(saved, now);
      if (differences.messages.length > 0) {
        return finish([], { blocked: stalePlan(saved, options.planFile, differences) });
      }
    }

    refuseUnsafeDeletions(plan, settings, loaded);
    const review = { plan, target: connection.info, diagnostics, prune, publish };
    const blocked = await reviewBeforeApply(ctx, {
      ...review,
      yes: settings.yes === true,
      argv: settings.argv,
    });
    if (blocked) return finish([], { blocked });

    const { outcomes, refusals } = await applyPlan(ctx, connection, planned, {
      desired,
      concurrency: project.config.concurrency,
      prune,
      force: settings.force === true,
      publish,
      progress: true,
    });
    // A write the server refused names the fields it refused: shown at file:line:column like any
    // diagnostic.
    if (refusals.length > 0) ctx.reporter.diagnostics(refusals, project.root);
    const run = summarizeRun(plan, outcomes, ctx.signal?.aborted === true);
    const { refused, interrupted } = run;
    const rerun = rerunCommand(settings.argv, '--force');
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

/** What a saved plan fixes of a run: its scope, --prune and publishing. */
function savedSettings(saved: SavedPlan): Partial<SyncOptions> {
  const { prune, refresh, only, publish } = saved.options;
  return { prune, refresh, publish, ...(only ? { only } : {}) };
}

/** A saved plan that is not what would be done now: refused, with how to make it again. */
function stalePlan(
  saved: SavedPlan,
  file: string,
  differences: { messages: string[]; keys: string[] },
): SyncBlocked {
  const { prune, refresh, only, publish } = saved.options;
  const args = [
    'runtype-flows plan',
    `--env ${saved.target.environment}`,
    ...(prune ? ['--prune'] : []),
    ...(refresh ? ['--refresh'] : []),
    ...(publish ? [] : ['--no-publish']),
    ...(only ? [`--only ${only.join(' ')}`] : []),
    `--out ${file}`,
  ];
  const { keys, messages } = differences;
  return { reason: 'stale-plan', keys, differences: messages, rerun: args.join(' ') };
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
