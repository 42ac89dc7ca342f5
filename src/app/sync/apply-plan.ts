import { API_ERROR_CODES } from '../../api/errors.js';
import { executePlan } from '../../apply/execute-plan.js';
import type { ChangeOutcome } from '../../apply/outcome.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import type { DesiredFlow, Plan, RemoteSnapshot } from '../../plan/index.js';
import type { WriteConnection } from '../connect.js';
import type { AppContext } from '../context.js';
import type { RemotePlan } from '../plan/remote-plan.js';
import type { SyncResult } from '../results.js';
import { refusedWrites, serverDiagnostics } from '../server-diagnostics.js';

export interface ApplyPlanOptions {
  /** The code the plan was made from (settling orphaned creates, placing server refusals). */
  desired: readonly DesiredFlow[];
  concurrency: number;
  prune: boolean;
  force: boolean;
  publish: boolean;
  /** Show a progress bar over the changes. */
  progress: boolean;
}

export interface AppliedPlan {
  outcomes: ChangeOutcome[];
  /** What the server refused of the writes, at the flows' file:line:column (not yet reported). */
  refusals: Diagnostic[];
}

/**
 * Applies a plan over a write connection, as `sync` and every watch cycle do:
 * execute it (recording each write durably), settle the creates an
 * interrupted run left orphaned (only after a plan that listed the whole
 * account, and not when Ctrl-C cut the run short), fold the journal into the
 * lockfile, and map what the server refused onto the source. A failure
 * before the commit leaves the journal for the next commit or run.
 */
export async function applyPlan(
  ctx: AppContext,
  connection: WriteConnection,
  planned: RemotePlan,
  options: ApplyPlanOptions,
): Promise<AppliedPlan> {
  const { plan } = planned;
  const outcomes = await executePlan(plan.changes, {
    api: connection.api,
    lock: connection.recorder,
    concurrency: options.concurrency,
    prune: options.prune,
    force: options.force,
    publish: options.publish,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...(options.progress ? { onOutcome: applyProgress(ctx, plan) } : {}),
  });
  if (planned.listedAll && !ctx.signal?.aborted) {
    await settleOrphanedCreates(ctx, connection, options.desired, planned.remote);
  }
  await connection.commit();
  const refusals = await serverDiagnostics(refusedWrites(outcomes), options.desired);
  return { outcomes, refusals };
}

/**
 * What a run's outcomes add up to: `sync`'s result and a watch cycle's event are both built from
 * it.
 */
export interface RunSummary {
  /** No conflict in the plan and no change failed. */
  ok: boolean;
  counts: SyncResult['counts'];
  /** Keys left alone because they drifted (re-run with --force). */
  refused: string[];
  /**
   * Set when Ctrl-C stopped the run: how many changes were never started, and the keys whose
   * request Ctrl-C cut off in flight (not failures: the server may have processed them, and the
   * next run settles them from the journal).
   */
  interrupted?: { notStarted: number; cutShort: string[] };
  /** The outcomes, without the cut-short ones. */
  outcomes: ChangeOutcome[];
}

export function summarizeRun(
  plan: Plan,
  all: readonly ChangeOutcome[],
  aborted: boolean,
): RunSummary {
  const cutOff = (o: ChangeOutcome) =>
    o.status === 'failed' && o.error?.code === API_ERROR_CODES.aborted;
  const cutShort = aborted ? all.filter(cutOff) : [];
  const outcomes = all.filter((o) => !cutShort.includes(o));
  const notStarted = plan.changes.length - all.length;
  return {
    ok: plan.summary.conflict === 0 && outcomes.every((o) => o.status !== 'failed'),
    counts: countOutcomes(outcomes),
    refused: outcomes.filter((o) => o.status === 'refused').map((o) => o.key),
    outcomes,
    ...(aborted ? { interrupted: { notStarted, cutShort: cutShort.map((o) => o.key) } } : {}),
  };
}

export function countOutcomes(outcomes: readonly ChangeOutcome[]): SyncResult['counts'] {
  const counts: SyncResult['counts'] = {
    created: 0,
    adopted: 0,
    updated: 0,
    recreated: 0,
    deleted: 0,
    published: 0,
    none: 0,
    failed: 0,
    refused: 0,
    skipped: 0,
  };
  for (const o of outcomes) {
    const { status } = o;
    if (status === 'failed' || status === 'refused' || status === 'skipped') counts[status] += 1;
    else counts[o.action] += 1;
  }
  return counts;
}

// --- internal ---

/** Progress of applying a plan, one step per change that does something. */
function applyProgress(
  ctx: Pick<AppContext, 'reporter'>,
  plan: Plan,
): (outcome: ChangeOutcome) => void {
  const total = plan.changes.filter((c) => c.kind !== 'noop').length;
  let done = 0;
  let failed = 0;
  return (outcome) => {
    // A noop is instant: counting them would run the bar ahead of the work.
    if (outcome.kind === 'noop') return;
    done += 1;
    if (outcome.status === 'failed') failed += 1;
    const item = `${outcome.action} ${outcome.key}`;
    ctx.reporter.progress({ phase: 'sync', done, total, item, failed });
  };
}

/**
 * A create a killed run left in doubt, whose flow has since left the code, is
 * settled once the remote account has been read: if it landed it is an
 * untracked remote flow, which is pointed out by id; if not, it is simply
 * dropped. Call it only after a run that did its work (not one refused or
 * blocked), and never when the code holds no flow at all — a wrong glob or
 * --cwd must not make a run forget what a later, correct one needs to adopt.
 * (One whose key still has a lock entry — an interrupted re-create — stays:
 * the entry's delete, with --prune, settles it.)
 */
async function settleOrphanedCreates(
  ctx: AppContext,
  connection: Pick<WriteConnection, 'lock' | 'recorder'>,
  desired: readonly DesiredFlow[],
  remote: RemoteSnapshot,
): Promise<void> {
  if (desired.length === 0) return;
  const { lock } = connection;
  const keys = new Set(desired.map((d) => d.key));
  const trackedIds = new Set([...lock.entries().values()].map((e) => e.id));
  const orphaned = lock.pendingCreates.filter(
    (p) => !keys.has(p.key) && !lock.entries().has(p.key),
  );
  for (const pending of orphaned) {
    const landed = remote.listed
      .filter((f) => f.name === pending.name && !trackedIds.has(f.id))
      .map((f) => f.id);
    if (landed.length > 0) {
      ctx.reporter.warn(
        `an interrupted run was creating "${pending.name}" (key ${pending.key}), ` +
          'which is no longer in the code; ' +
          `it landed as untracked remote flow ${landed.join(', ')}: ` +
          'delete it in the dashboard, or put the flow back in the code to adopt it',
      );
    } else {
      const what = `an interrupted create of "${pending.name}" (key ${pending.key})`;
      ctx.reporter.debug(`${what} never landed; forgotten`);
    }
    await connection.recorder.recordForget(pending.key);
  }
}
