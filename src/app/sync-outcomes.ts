import type { ChangeOutcome } from '../apply/outcome.js';
import type { Plan } from '../plan/index.js';
import type { SyncResult } from './results.js';

/** What a run's outcomes add up to: `sync`'s result and a watch cycle's event are both built from it. */
export interface RunSummary {
  /** No conflict in the plan and no change failed. */
  ok: boolean;
  counts: SyncResult['counts'];
  /** Keys left alone because they drifted (re-run with --force). */
  refused: string[];
  /** Set when Ctrl-C stopped the run: how many changes were never started. */
  interrupted?: { notStarted: number };
}

export function summarizeRun(plan: Plan, outcomes: readonly ChangeOutcome[], aborted: boolean): RunSummary {
  return {
    ok: plan.summary.conflict === 0 && outcomes.every((o) => o.status !== 'failed'),
    counts: countOutcomes(outcomes),
    refused: outcomes.filter((o) => o.status === 'refused').map((o) => o.key),
    ...(aborted ? { interrupted: { notStarted: plan.changes.length - outcomes.length } } : {}),
  };
}

export function countOutcomes(outcomes: readonly ChangeOutcome[]): SyncResult['counts'] {
  const counts: SyncResult['counts'] = { created: 0, adopted: 0, updated: 0, recreated: 0, deleted: 0, none: 0, failed: 0, refused: 0, skipped: 0 };
  for (const o of outcomes) {
    if (o.status === 'failed' || o.status === 'refused' || o.status === 'skipped') counts[o.status] += 1;
    else counts[o.action] += 1;
  }
  return counts;
}

/** The command to re-run with one more flag, e.g. `runtype-flows sync --prune --yes`. */
export function rerunCommand(argv: readonly string[] | undefined, flag: string): string {
  const args = (argv ?? ['sync']).filter((a) => a !== flag);
  return ['runtype-flows', ...args, flag].join(' ');
}
