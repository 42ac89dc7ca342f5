import type { ChangeOutcome, SyncResult } from '../app/results.js';
import { plainColors, type Colors } from './color.js';
import { formatPlan } from './format-plan.js';

/** Human text of a sync: one line per thing that happened, then the counts. */
export function formatSync(result: SyncResult, colors: Colors = plainColors, verbose = false): string {
  if (result.dryRun) {
    return [formatPlan({ ...result, command: 'plan', ok: result.ok, pendingChanges: false }, colors, verbose), colors.paint('gray', 'Dry run: nothing was written.')].join('\n');
  }
  const lines: string[] = [];
  for (const outcome of result.outcomes) {
    if (outcome.status === 'unchanged' && !verbose) continue;
    lines.push(formatOutcome(outcome, colors));
  }
  if (result.blocked?.reason === 'deletions') {
    lines.push(formatPlan({ ...result, command: 'plan', ok: true, pendingChanges: true }, colors, verbose), '');
    lines.push(colors.paint('yellow', `Nothing was applied: ${result.blocked.keys.length} flow(s) would be deleted and that needs confirmation.`));
    lines.push(`Re-run with: ${colors.paint('bold', result.blocked.rerun)}`);
    return lines.join('\n');
  }
  const c = result.counts;
  const parts = [`${c.created} created`, `${c.updated} updated`, `${c.adopted} adopted`, ...(c.recreated ? [`${c.recreated} recreated`] : []), `${c.deleted} deleted`, `${c.none} unchanged`];
  if (c.skipped) parts.push(`${c.skipped} skipped`);
  if (c.refused) parts.push(colors.paint('red', `${c.refused} refused`));
  if (c.failed) parts.push(colors.paint('red', `${c.failed} failed`));
  const seconds = (result.durationMs / 1000).toFixed(1);
  lines.push(`${result.ok && !result.blocked ? colors.paint('green', '✔ Synced') : colors.paint('red', '✖ Sync incomplete')} "${result.target.environment}": ${parts.join(', ')} in ${seconds}s.`);
  if (c.skipped) lines.push(colors.paint('gray', 'Flows removed from code were left in place; run with --prune to delete them.'));
  if (result.interrupted) {
    lines.push(colors.paint('yellow', `Interrupted: ${result.interrupted.notStarted} change(s) not started. Everything done so far is in the lock state; run sync again to finish.`));
  }
  if (result.blocked?.reason === 'drift') lines.push(`Drifted flows were not overwritten. Re-run with: ${colors.paint('bold', result.blocked.rerun)}`);
  return lines.join('\n');
}

// --- internal ---

function formatOutcome(o: ChangeOutcome, colors: Colors): string {
  const id = o.remoteId ? colors.paint('gray', ` (${o.remoteId})`) : '';
  const published = o.published ? colors.paint('cyan', ' published') : '';
  switch (o.status) {
    case 'applied':
      return `${colors.paint('green', '✔')} ${o.action} ${o.key}${id}${published}`;
    case 'failed':
      return `${colors.paint('red', '✖')} failed ${o.key}: ${o.error?.message ?? 'unknown error'} ${colors.paint('gray', `(${o.error?.code ?? 'UNKNOWN'})`)}`;
    case 'refused':
      return `${colors.paint('red', '!')} refused ${o.key}: ${o.reason ?? ''}`;
    case 'skipped':
      return `${colors.paint('gray', '-')} skipped ${o.key}: ${o.reason ?? ''}`;
    case 'unchanged':
      return `${colors.paint('gray', '=')} unchanged ${o.key}${id}`;
  }
}
