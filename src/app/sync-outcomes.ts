import type { ChangeOutcome } from '../apply/outcome.js';
import type { SyncResult } from './results.js';

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
