import { executePlan } from '../apply/execute-plan.js';
import { API_ERROR_CODES } from '../api/errors.js';
import { LocationCache } from '../load/locate/locate-diagnostics.js';
import { loadProject, type Project } from '../load/project/load-project.js';
import { hasErrors } from '../model/diagnostics.js';
import type { DesiredFlow, Plan, RemoteSnapshot } from '../plan/index.js';
import type { AppContext } from './context.js';
import { toDesiredFlows } from './desired-flows.js';
import { reportProject } from './load-valid-project.js';
import { lockRecorder } from './lock-target.js';
import { openTarget } from './open-target.js';
import { planChangedFlows } from './plan-changed-flows.js';
import { chooseTarget, planAgainstRemote } from './prepare-plan.js';
import { resolveTarget } from './resolve-target.js';
import { applyProgress, readProgress } from './run-progress.js';
import { settleOrphanedCreates } from './settle-orphaned-creates.js';
import { countOutcomes, summarizeRun } from './sync-outcomes.js';
import type { ChangeOutcome } from './results.js';
import { changedKeys, nextBaseline } from './watch-baseline.js';
import type { WatchCycle, WatchEvent } from './watch-events.js';
import { assertSameTarget, commitAfterError, commitWatchTarget, FatalWatchError, type OpenTarget } from './watch-target.js';

export { FatalWatchError } from './watch-target.js';

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
  /** What was last shown of a load (shown again only when it changes). */
  shown?: string;
  /** What locating diagnostics learnt: an unchanged file is not parsed again to place the same warning. */
  locations?: LocationCache;
}

/**
 * One cycle: reload everything from disk and validate; on any error apply
 * nothing (the remote keeps the last good version). Otherwise plan what can
 * have changed since the last good cycle — the whole project the first time —
 * and apply it with sync's rules, then commit the journal. `onLoaded` runs
 * right after the load (the watcher follows what was read). Resolves with
 * nothing when Ctrl-C came during the load.
 */
export async function runCycle(ctx: AppContext, options: WatchOptions, state: CycleState, changed: string[], onLoaded: (project: Project) => Promise<void>): Promise<WatchEvent | undefined> {
  const started = ctx.now().getTime();
  const elapsed = () => ctx.now().getTime() - started;
  const locations = (state.locations ??= new LocationCache());
  const project = await loadProject({ cwd: ctx.cwd, importModule: ctx.importModule, locations, ...(ctx.configPath ? { configPath: ctx.configPath } : {}) });
  // Stopped while loading (a big project's first load): open nothing — no lock, no session, no emulator.
  if (ctx.signal?.aborted) return undefined;
  await onLoaded(project);
  if (hasErrors(project.diagnostics)) return { event: 'invalid', changed, root: project.root, diagnostics: project.diagnostics, durationMs: elapsed() };
  showProject(ctx, state, project);

  // Before anything is open, a target that cannot be used (no key, lock held) ends the watch.
  const target = state.open ? resolveTarget(project.config, ctx.env, options.env) : await fatal(() => chooseTarget(ctx, project.config, options.env));
  if (state.open) assertSameTarget(state.open, target);
  const open = (state.open ??= await fatal(() => openTarget(ctx, project.root, target, project.config)));
  const desired = toDesiredFlows(project.flows);
  const full = state.baseline === undefined;
  const base = { event: 'cycle' as const, full, changed, environment: open.info.environment, diagnostics: project.diagnostics };
  const nothing = { ...base, ok: true, outcomes: [], counts: countOutcomes([]), durationMs: 0 };
  // No flow at all is far likelier a glob typo than every flow deleted: read nothing remote (the
  // NO_FLOW_FILES warning says why) and keep the baseline, so fixing the glob costs no request either.
  if (desired.length === 0) return { ...nothing, durationMs: elapsed() };
  const keys = state.baseline ? changedKeys(desired, state.baseline, options.only) : [];
  if (!full && keys.length === 0) return { ...nothing, durationMs: elapsed() };

  let plan: Plan;
  let outcomes: ChangeOutcome[];
  try {
    const planned: { plan: Plan; remote?: RemoteSnapshot } = full
      ? await planFull(ctx, open, desired, options)
      : { plan: await planChangedFlows(open.session, desired, open.store.entries(), keys, open.store.pendingCreates) };
    plan = planned.plan;
    outcomes = await executePlan(plan.changes, {
      api: open.session.api,
      lock: lockRecorder(open.store),
      concurrency: project.config.concurrency,
      prune: false,
      force: options.force === true,
      publish: options.publish ?? target.publish,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(full ? { onOutcome: applyProgress(ctx, plan) } : {}),
    });
    // Only a full cycle read the whole account: only it can tell whether an orphaned create landed.
    if (planned.remote && !ctx.signal?.aborted) await settleOrphanedCreates(ctx, open.store, desired, planned.remote);
  } catch (error) {
    return commitAfterError(open, error);
  }
  await commitWatchTarget(open);
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
  const planOptions = { ...(options.only ? { only: options.only } : {}), ...(options.refresh ? { refresh: true } : {}), onProgress: readProgress(ctx) };
  return planAgainstRemote(open.session, desired, open.store.entries(), planOptions, open.store.pendingCreates);
}

/**
 * The cycle as reported. Requests Ctrl-C cut off in flight are part of the
 * interruption, not failures (the exit is 0 and the next sync finishes them):
 * they are listed under `interrupted.cutShort`, not among the outcomes.
 */
function toCycleEvent(base: Omit<WatchCycle, 'ok' | 'outcomes' | 'counts' | 'durationMs'>, plan: Plan, all: ChangeOutcome[], aborted: boolean, durationMs: number): WatchCycle {
  const cutShort = aborted ? all.filter((o) => o.status === 'failed' && o.error?.code === API_ERROR_CODES.aborted) : [];
  const outcomes = all.filter((o) => !cutShort.includes(o));
  const run = summarizeRun(plan, outcomes, aborted);
  return {
    ...base,
    ok: run.ok,
    outcomes,
    counts: run.counts,
    ...(run.refused.length > 0 ? { blocked: { reason: 'drift' as const, keys: run.refused } } : {}),
    ...(run.interrupted ? { interrupted: { notStarted: run.interrupted.notStarted - cutShort.length, cutShort: cutShort.map((o) => o.key) } } : {}),
    durationMs,
  };
}

/** Warnings and --verbose notes of a valid load, as every command shows them, but only when they changed. */
function showProject(ctx: AppContext, state: CycleState, project: Project): void {
  const shown = JSON.stringify([project.diagnostics, project.helperModules]);
  if (shown === state.shown) return;
  state.shown = shown;
  reportProject(ctx, project);
}
