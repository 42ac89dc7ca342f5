import type { ChangeOutcome, SyncResult } from '../app/results.js';
import { plainColors, type Colors } from './color.js';
import { formatPlan } from './format-plan.js';
import { plural } from './format-diagnostics.js';
import { redactString } from './redact.js';

export interface FormatSyncOptions {
  /** Also list flows that were already in sync. */
  verbose?: boolean;
}

/**
 * Human text of a sync: one line per thing that happened (or failed, or was
 * refused), then the counts and the duration, then what is blocked and the
 * exact command to re-run. A dry run shows the plan and says nothing was written.
 */
export function formatSync(
  result: SyncResult,
  colors: Colors = plainColors,
  options: FormatSyncOptions = {},
): string {
  const asPlan = {
    ...result,
    command: 'plan' as const,
    pendingChanges: result.plan.changes.some((c) => c.kind !== 'noop'),
  };
  if (result.dryRun)
    return [
      formatPlan(asPlan, colors, options),
      '',
      colors.paint(
        'yellow',
        'Dry run: nothing was written (no remote change, no lockfile change).',
      ),
    ].join('\n');
  if (result.blocked?.reason === 'deletions') {
    return [
      formatPlan(asPlan, colors, options),
      '',
      colors.paint(
        'yellow',
        `Nothing was applied: ${plural(result.blocked.keys.length, 'flow')} would be deleted ` +
          `(${result.blocked.keys.join(', ')}), and deleting needs confirmation.`,
      ),
      `Re-run with: ${colors.paint('bold', result.blocked.rerun)}`,
    ].join('\n');
  }
  if (result.blocked?.reason === 'declined') {
    return [
      colors.paint('yellow', 'Nothing was applied: the plan was not confirmed.'),
      `Re-run with: ${colors.paint('bold', result.blocked.rerun)}`,
    ].join('\n');
  }
  if (result.blocked?.reason === 'stale-plan') {
    return [
      colors.paint(
        'yellow',
        'Nothing was applied: the saved plan is not what would be done now, so it is not the ' +
          'plan that was reviewed:',
      ),
      ...(result.blocked.differences ?? []).map((d) => `  - ${redactString(d)}`),
      `Make and review the plan again: ${colors.paint('bold', result.blocked.rerun)}`,
    ].join('\n');
  }
  // The embedded emulator's links lead nowhere (it serves no dashboard): shown for real targets
  // only.
  const links = result.target.kind === 'remote';
  const shown = result.outcomes.filter(
    (o) => o.status !== 'unchanged' || options.verbose === true || o.liveUnknown !== undefined,
  );
  const lines = shown.map(
    (o) =>
      formatOutcome(o, colors) +
      (links ? dashboardLine(o, colors) : '') +
      liveUnknownLine(o, colors),
  );
  if (lines.length > 0) lines.push('');
  lines.push(countsLine(result, colors));
  if (result.counts.skipped)
    lines.push(
      colors.paint(
        'gray',
        'Flows removed from code were left in place; run with --prune to delete them.',
      ),
    );
  if (result.interrupted) {
    const { notStarted, cutShort } = result.interrupted;
    const cut =
      cutShort.length > 0
        ? ` ${plural(cutShort.length, 'request')} cut off in flight (${cutShort.join(', ')}): ` +
          'the server may have processed them; the next sync settles them.'
        : '';
    lines.push(
      colors.paint(
        'yellow',
        `Interrupted: ${plural(notStarted, 'change')} not started.${cut} ` +
          'Everything done so far is in the lock state; run sync again to finish.',
      ),
    );
  }
  if (result.blocked?.reason === 'drift') {
    lines.push(
      colors.paint(
        'yellow',
        `Not overwritten: ${result.blocked.keys.join(', ')} (edited outside runtype-flows ` +
          'since the last sync). Review the remote edits first (runtype-flows plan --refresh ' +
          'shows them).',
      ),
    );
    lines.push(
      `To overwrite them with the code, re-run with: ${colors.paint('bold', result.blocked.rerun)}`,
    );
  }
  return lines.join('\n');
}

// --- internal ---

function countsLine(result: SyncResult, colors: Colors): string {
  const c = result.counts;
  const parts = [
    `${c.created} created`,
    `${c.updated} updated`,
    `${c.adopted} adopted`,
    ...(c.recreated ? [`${c.recreated} recreated`] : []),
    `${c.deleted} deleted`,
    `${c.none} unchanged`,
  ];
  if (c.skipped) parts.push(`${c.skipped} skipped`);
  if (c.refused) parts.push(colors.paint('red', `${c.refused} refused`));
  if (c.failed) parts.push(colors.paint('red', `${c.failed} failed`));
  const published = result.outcomes.filter((o) => o.published).length;
  if (published) parts.push(colors.paint('cyan', `${published} published`));
  const seconds = (result.durationMs / 1000).toFixed(1);
  const done = result.ok && !result.blocked && !result.interrupted;
  const synced = colors.paint('green', '✔ Synced');
  const head = done ? synced : colors.paint('red', '✖ Sync incomplete');
  return `${head} "${result.target.environment}": ${parts.join(', ')} in ${seconds}s.`;
}

function dashboardLine(o: ChangeOutcome, colors: Colors): string {
  return o.status === 'applied' && o.dashboardUrl
    ? `\n  ${colors.paint('gray', `↗ ${o.dashboardUrl}`)}`
    : '';
}

/** A publish nothing could settle: said under the flow's line, with why. */
function liveUnknownLine(o: ChangeOutcome, colors: Colors): string {
  if (o.liveUnknown === undefined) return '';
  const why = redactString(o.liveUnknown);
  return `\n  ${colors.paint('yellow', `? live version unknown: ${why}; not recorded as live`)}`;
}

function formatOutcome(o: ChangeOutcome, colors: Colors): string {
  const id = o.remoteId ? colors.paint('gray', ` (id ${o.remoteId})`) : '';
  // An outcome whose action is `published` says so already.
  const published =
    o.published && o.action !== 'published' ? colors.paint('cyan', ' [published]') : '';
  const why = (text: string | undefined) => redactString(text ?? '');
  switch (o.status) {
    case 'applied':
      return o.action === 'recreated'
        ? `${colors.paint('yellow', '↻')} recreated ${o.key}${id}${published}`
        : `${colors.paint('green', '✔')} ${o.action} ${o.key}${id}${published}`;
    case 'failed': {
      const message = why(o.error?.message ?? 'unknown error');
      const code = colors.paint('gray', `(${o.error?.code ?? 'UNKNOWN'})`);
      return `${colors.paint('red', '✖ failed')} ${o.key}: ${message} ${code}`;
    }
    case 'refused': {
      const drift = o.kind === 'drift' ? 'drift — ' : '';
      return `${colors.paint('red', '! refused')} ${o.key}: ${drift}${why(o.reason)}`;
    }
    case 'skipped':
      return `${colors.paint('gray', '- skipped')} ${o.key}: ${why(o.reason)}`;
    case 'unchanged':
      return `${colors.paint('gray', '= unchanged')} ${o.key}${id}${published}`;
  }
}
