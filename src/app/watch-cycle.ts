import { executePlan } from '../apply/execute-plan.js';
import { loadProject, type Project } from '../load/load-project.js';
import { hasErrors } from '../model/diagnostics.js';
import type { DesiredFlow, Plan, RemoteSnapshot } from '../plan/index.js';
import type { AppContext } from './context.js';
import { toDesiredFlows } from './desired-flows.js';
import { lockRecorder } from './lock-target.js';
import { planChangedFlows } from './plan-changed-flows.js';
import { planAgainstRemote } from './prepare-plan.js';
import { resolveTarget } from './resolve-target.js';
import { settleOrphanedCreates } from './settle-orphaned-creates.js';
import { countOutcomes } from './sync-outcomes.js';
import type { ChangeOutcome } from './results.js';
import { changedKeys, nextBaseline } from './watch-baseline.js';
import type { WatchCycle, WatchEvent } from './watch-events.js';
import { assertSameTarget, commitWatchTarget, openWatchTarget, type OpenTarget } from './watch-target.js';

export interface WatchOptions {
  env?: string;
  force?: boolean;
  publish?: boolean;
  only?: readonly string[];
  /** The first (full) cycle also reads every tracked flow, to see drift on unchanged ones. */
  refresh?: boolean;
}

/** What one cycle leaves for the next. */
export interface CycleState {
  open?: OpenTarget;
  /** key → content hash the remote holds as of the last good cycle; unset until a full cycle succeeded. */
  baseline?: Map<string, string>;
  /** Warnings as last shown (shown again only when they change). */
  shownWarnings?: string;
}

/** A failure after which watching cannot go on safely (the target cannot be opened, the lock state not written). */
export class FatalWatchError extends Error {
  readonly error: unknown;
  constructor(error: unknown) {
    super('fatal watch error', { cause: error });
    this.name = 'FatalWatchError';
    this.error = error;
  }
}

const REMOVED_REASON = 'removed from code; deleted only by `sync --prune`';

/**
 * One cycle: reload everything from disk and validate; on any error apply
 * nothing (the remote keeps the last good version). Otherwise plan what can
 * have changed since the last good cycle — the whole project the first time —
 * and apply it with sync's rules, then commit the journal. `onLoaded` runs
 * right after the load (the watcher follows what was read).
 */
export async function runCycle(ctx: AppContext, options: WatchOptions, state: CycleState, changed: string[], onLoaded: (project: Project) => Promise<void>): Promise<WatchEvent | undefined> {
  const started = ctx.now().getTime();
  const elapsed = () => ctx.now().getTime() - started;
  const project = await loadProject({ cwd: ctx.cwd, importModule: ctx.importModule, ...(ctx.configPath ? { configPath: ctx.configPath } : {}) });
  await onLoaded(project);
  if (hasErrors(project.diagnostics)) return { event: 'invalid', changed, root: project.root, diagnostics: project.diagnostics, durationMs: elapsed() };
  showWarnings(ctx, state, project);

  // Before anything is open, a target that cannot be used (no key, lock held) ends the watch.
  const target = state.open ? resolveTarget(project.config, ctx.env, options.env) : await fatal(() => resolveTarget(project.config, ctx.env, options.env));
  if (state.open) assertSameTarget(state.open, target);
  const open = (state.open ??= await fatal(() => openWatchTarget(ctx, project.root, target, project.config.concurrency)));
  const desired = toDesiredFlows(project.flows);
  const full = state.baseline === undefined;
  const keys = state.baseline ? changedKeys(desired, state.baseline, options.only) : [];
  const base = { event: 'cycle' as const, full, changed, environment: open.info.environment, diagnostics: project.diagnostics };
  if (!full && keys.length === 0) return { ...base, ok: true, outcomes: [], counts: countOutcomes([]), durationMs: elapsed() };

  let plan: Plan;
  let outcomes: ChangeOutcome[];
  try {
    const planned: { plan: Plan; remote?: RemoteSnapshot } = full
      ? await planFull(ctx, open, desired, options)
      : { plan: await planChangedFlows(open.session, desired, open.store.entries(), keys, open.pending) };
    plan = planned.plan;
    outcomes = await executePlan(plan.changes, {
      api: open.session.api,
      lock: lockRecorder(open.store),
      concurrency: project.config.concurrency,
      prune: false,
      force: options.force === true,
      publish: options.publish ?? target.publish,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(full ? { onOutcome: progressOf(ctx, plan) } : {}),
    });
    // Only a full cycle read the whole account: only it can tell whether an orphaned create landed.
    if (planned.remote && !ctx.signal?.aborted) await settleOrphanedCreates(ctx, open.store, desired, planned.remote);
  } catch (error) {
    await fatal(() => commitWatchTarget(open));
    throw error;
  }
  await fatal(() => commitWatchTarget(open));
  state.baseline = nextBaseline(state.baseline, desired, full ? undefined : keys, plan, outcomes);
  return toCycleEvent(base, plan, outcomes, ctx.signal?.aborted === true, elapsed());
}

// --- internal ---

/** Runs `step`; whatever it throws is fatal to the watch. */
async function fatal<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new FatalWatchError(error);
  }
}

async function planFull(ctx: AppContext, open: OpenTarget, desired: readonly DesiredFlow[], options: WatchOptions): Promise<{ plan: Plan; remote: RemoteSnapshot }> {
  const onProgress = (done: number, total: number) => ctx.reporter.progress({ phase: 'reading remote flows', done, total });
  const planOptions = { ...(options.only ? { only: options.only } : {}), ...(options.refresh ? { refresh: true } : {}), onProgress };
  return planAgainstRemote(open.session, desired, open.store.entries(), planOptions, open.pending);
}

function progressOf(ctx: AppContext, plan: Plan): (outcome: ChangeOutcome) => void {
  const total = plan.changes.filter((c) => c.kind !== 'noop').length;
  let done = 0;
  let failed = 0;
  return (outcome) => {
    if (outcome.kind === 'noop') return;
    done += 1;
    if (outcome.status === 'failed') failed += 1;
    ctx.reporter.progress({ phase: 'sync', done, total, item: `${outcome.action} ${outcome.key}`, failed });
  };
}

function toCycleEvent(base: Omit<WatchCycle, 'ok' | 'outcomes' | 'counts' | 'durationMs'>, plan: Plan, all: ChangeOutcome[], aborted: boolean, durationMs: number): WatchCycle {
  const outcomes = all.map((o) => (o.kind === 'delete' && o.status === 'skipped' ? { ...o, reason: REMOVED_REASON } : o));
  const refused = outcomes.filter((o) => o.status === 'refused').map((o) => o.key);
  return {
    ...base,
    ok: plan.summary.conflict === 0 && outcomes.every((o) => o.status !== 'failed'),
    outcomes,
    counts: countOutcomes(outcomes),
    ...(refused.length > 0 ? { blocked: { reason: 'drift' as const, keys: refused } } : {}),
    ...(aborted ? { interrupted: { notStarted: plan.changes.length - outcomes.length } } : {}),
    durationMs,
  };
}

function showWarnings(ctx: AppContext, state: CycleState, project: Project): void {
  const shown = JSON.stringify(project.diagnostics);
  if (shown === state.shownWarnings) return;
  state.shownWarnings = shown;
  ctx.reporter.diagnostics(project.diagnostics, project.root);
}
