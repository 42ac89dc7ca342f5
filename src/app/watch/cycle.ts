import type { Project } from '../../load/index.js';
import { RuntypeError } from '../../errors.js';
import type { ChangeOutcome } from '../../apply/outcome.js';
import { hasErrors } from '../../model/diagnostics.js';
import type { Plan } from '../../plan/index.js';
import { applyPlan, countOutcomes, summarizeRun } from '../sync/apply-plan.js';
import { connect, type WriteConnection } from '../connect.js';
import type { AppContext } from '../context.js';
import { readProgress } from '../progress.js';
import { reportProject, toDesiredFlows } from '../project.js';
import { planAgainstRemote, planScope, type RemotePlanOptions } from '../plan/remote-plan.js';
import { SHARED_LOCKFILE_NAME } from '../../state/index.js';
import { chooseTarget, targetFor, type Target } from '../target.js';
import { changedKeys, nextBaseline } from './baseline.js';
import type { WatchCycle, WatchInvalid } from '../watch-events.js';
import {
  assertTargetUnchanged,
  commitAfterError,
  FatalWatchError,
  fatalOnFailure,
  withFatalCommit,
  type WatchSession,
} from './session.js';

export interface WatchOptions {
  /** The environment's name (--env). */
  envName?: string;
  force?: boolean;
  publish?: boolean;
  only?: readonly string[];
  /** The first (full) cycle also reads every tracked flow, to see drift on unchanged ones. */
  refresh?: boolean;
  /** Watch an environment whose lock section is the committed lockfile (refused otherwise). */
  allowShared?: boolean;
}

/** The refusal of a watch on a shared lock section: the CLI exits 2 on it, not 1. */
export const WATCH_SHARED_LOCK = 'WATCH_SHARED_LOCK';

/**
 * What a cycle leaves: the next session, and what to report (an event, or the failure that ended
 * it).
 */
export type CycleResult =
  | { session: WatchSession; event: WatchInvalid | WatchCycle }
  | { session: WatchSession; failure: unknown };

/**
 * One cycle over a freshly loaded project: on any error in the code apply
 * nothing (the remote keeps the last good version). Otherwise plan what can
 * have changed since the last good cycle — the whole project the first time
 * — and apply it with sync's rules, then commit the journal. Returns the
 * next session (the connection once opened, the new baseline) whatever
 * happens; a failure wrapped in FatalWatchError ends the watch.
 */
export async function runCycle(
  ctx: AppContext,
  options: WatchOptions,
  session: WatchSession,
  cycle: { project: Project; changed: string[]; startedMs: number },
): Promise<CycleResult> {
  const { project, changed } = cycle;
  const elapsed = () => ctx.now().getTime() - cycle.startedMs;
  if (hasErrors(project.diagnostics)) {
    const { root, diagnostics } = project;
    const event = { event: 'invalid' as const, changed, root, diagnostics, durationMs: elapsed() };
    return { session, event };
  }
  let next: WatchSession = { ...session, shown: showProject(ctx, session.shown, project) };
  try {
    const target = await targetOf(ctx, options, next, project);
    const connection =
      next.connection ?? (await fatalOnFailure(() => connect(ctx, project, target, 'write')));
    next = { ...next, connection };
    const desired = toDesiredFlows(project.flows);
    const full = next.baseline === undefined;
    const { environment } = connection.info;
    const { diagnostics } = project;
    const base = { event: 'cycle' as const, full, changed, environment, diagnostics };
    const nothing = () => {
      const none = { ok: true, outcomes: [], counts: countOutcomes([]) };
      return { ...base, ...none, durationMs: elapsed() };
    };
    // No flow at all is far likelier a glob typo than every flow deleted: read nothing remote (the
    // NO_FLOW_FILES warning says why) and keep the baseline, so fixing the glob costs no request
    // either.
    if (desired.length === 0) return { session: next, event: nothing() };
    const keys = next.baseline ? changedKeys(desired, next.baseline, options.only) : [];
    if (!full && keys.length === 0) return { session: next, event: nothing() };

    // Watch publishes as sync does: per the environment, unless --publish/--no-publish says.
    const publish = options.publish ?? target.publish;
    const scope: RemotePlanOptions = full ? fullScope(ctx, options) : { keys };
    const planOptions = { ...scope, publish };
    const apply = {
      concurrency: project.config.concurrency,
      force: options.force === true,
      publish,
      progress: full,
    };
    const fatalCommit = withFatalCommit(connection);
    const { plan, outcomes } = await planAndApply(ctx, fatalCommit, desired, planOptions, apply);
    const baseline = nextBaseline(next.baseline, desired, full ? undefined : keys, plan, outcomes);
    next = { ...next, baseline };
    const aborted = ctx.signal?.aborted === true;
    return { session: next, event: toCycleEvent(base, plan, outcomes, aborted, elapsed()) };
  } catch (failure) {
    return { session: next, failure };
  }
}

// --- internal ---

/**
 * Before anything is open, a target that cannot be used (no key, lock held) ends the watch; later,
 * it fails one cycle.
 */
async function targetOf(
  ctx: AppContext,
  options: WatchOptions,
  session: WatchSession,
  project: Project,
): Promise<Target> {
  const { config } = project;
  if (!session.connection) {
    return fatalOnFailure(() => {
      const target = chooseTarget(ctx, config, options.envName);
      if (target.lockLocation === 'shared' && options.allowShared !== true)
        throw sharedLockError(target);
      return target;
    });
  }
  const target = targetFor(ctx, config, options.envName);
  assertTargetUnchanged(session.connection, target);
  return target;
}

/**
 * A watch writes on every save: aimed at an environment whose lock section is the committed
 * lockfile (a team's staging or production), that is a deploy of half-finished work and ids
 * in a file everyone merges. It never asks; it refuses unless told.
 */
function sharedLockError(target: Target): RuntypeError {
  return new RuntypeError(
    WATCH_SHARED_LOCK,
    `sync --watch would write to environment "${target.environment}", ` +
      `whose lock section is shared (${SHARED_LOCKFILE_NAME}, committed); nothing was written`,
    {
      hint:
        'Watch a personal environment (personal: true) or the embedded emulator; or, to watch ' +
        'this one anyway, re-run with --allow-shared.',
      meta: { environment: target.environment },
    },
  );
}

function fullScope(ctx: AppContext, options: WatchOptions): RemotePlanOptions {
  return { ...planScope(options), onProgress: readProgress(ctx) };
}

/**
 * Plan and apply; a failure other than a fatal commit is committed after (what did succeed is
 * kept), then rethrown.
 */
async function planAndApply(
  ctx: AppContext,
  connection: WriteConnection,
  desired: ReturnType<typeof toDesiredFlows>,
  planOptions: RemotePlanOptions,
  apply: { concurrency: number; force: boolean; publish: boolean; progress: boolean },
): Promise<{ plan: Plan; outcomes: ChangeOutcome[] }> {
  try {
    const planned = await planAgainstRemote(connection, desired, planOptions);
    const applied = await applyPlan(ctx, connection, planned, { desired, prune: false, ...apply });
    const { outcomes } = applied;
    return { plan: planned.plan, outcomes };
  } catch (error) {
    if (error instanceof FatalWatchError) throw error;
    return commitAfterError(connection, error);
  }
}

/**
 * The cycle as reported. Requests Ctrl-C cut off in flight are part of the
 * interruption, not failures (the exit is 0 and the next sync finishes them):
 * they are listed under `interrupted.cutShort`, not among the outcomes.
 */
function toCycleEvent(
  base: Omit<WatchCycle, 'ok' | 'outcomes' | 'counts' | 'durationMs'>,
  plan: Plan,
  all: ChangeOutcome[],
  aborted: boolean,
  durationMs: number,
): WatchCycle {
  const run = summarizeRun(plan, all, aborted);
  const { interrupted } = run;
  return {
    ...base,
    ok: run.ok,
    outcomes: run.outcomes,
    counts: run.counts,
    ...(run.refused.length > 0 ? { blocked: { reason: 'drift' as const, keys: run.refused } } : {}),
    ...(interrupted ? { interrupted } : {}),
    durationMs,
  };
}

/**
 * Warnings and --verbose notes of a valid load, as every command shows them, but only when they
 * changed.
 */
function showProject(ctx: AppContext, shown: string | undefined, project: Project): string {
  const now = JSON.stringify([project.diagnostics, project.helperModules]);
  if (now !== shown) reportProject(ctx, project);
  return now;
}
