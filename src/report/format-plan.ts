import type { PlanResult } from '../app/results.js';
import type { Change, Plan } from '../plan/index.js';
import { plainColors, type Colors, type Style } from './color.js';
import { formatFlowDiff, formatStepList } from './format-flow-diff.js';
import { plural } from './format-diagnostics.js';

const SYMBOL: Record<Change['kind'], [string, Style]> = {
  create: ['+', 'green'],
  adopt: ['⇐', 'cyan'],
  update: ['~', 'yellow'],
  drift: ['!', 'red'],
  missing: ['↻', 'yellow'],
  delete: ['-', 'red'],
  conflict: ['✖', 'red'],
  noop: ['=', 'gray'],
};

/** Human text of a plan: a header, one block per change, a summary line. */
export function formatPlan(result: PlanResult, colors: Colors = plainColors, verbose = false): string {
  const { plan, target } = result;
  const lines = [colors.paint('bold', `Plan for environment "${target.environment}" (${target.apiUrl})`), ''];
  for (const change of plan.changes) {
    if (change.kind === 'noop' && !verbose) continue;
    lines.push(...formatChange(change, colors));
  }
  if (lines.length > 2) lines.push('');
  lines.push(summaryLine(plan, colors));
  if (!plan.remoteChecked) lines.push(colors.paint('gray', 'Offline: adoption of existing remote flows, drift and deleted flows were not checked.'));
  else if (!plan.refreshed) lines.push(colors.paint('gray', 'Drift is checked for flows about to change; --refresh checks every tracked flow.'));
  return lines.join('\n');
}

export function summaryLine(plan: Plan, colors: Colors = plainColors): string {
  const s = plan.summary;
  const pending = plan.changes.length - s.noop;
  if (pending === 0) return colors.paint('green', `No changes. ${plural(s.noop, 'flow')} in sync.`);
  const parts = [
    `${s.create} to create`,
    `${s.update} to update`,
    `${s.adopt} to adopt`,
    ...(s.missing ? [`${s.missing} to recreate`] : []),
    `${s.delete} to delete (with --prune)`,
    ...(s.drift ? [colors.paint('red', `${s.drift} drifted`)] : []),
    ...(s.conflict ? [colors.paint('red', `${plural(s.conflict, 'conflict')}`)] : []),
    `${s.noop} unchanged`,
  ];
  return `Plan: ${parts.join(', ')}.`;
}

// --- internal ---

function formatChange(change: Change, colors: Colors): string[] {
  const [symbol, style] = SYMBOL[change.kind];
  const head = `${colors.paint(style, `${symbol} ${change.kind.padEnd(8)}`)} ${colors.paint('bold', change.key)}  "${change.name}"`;
  switch (change.kind) {
    case 'create':
      return [head, ...formatStepList(change.payload, colors)];
    case 'update':
      return [head, ...(change.before ? formatFlowDiff(change.before, change.payload, colors) : [colors.paint('gray', '      changed since the last sync (run without --offline to see the details)')])];
    case 'adopt':
      return [
        `${head} ${colors.paint('gray', `(existing remote flow ${change.remoteId}; ${change.contentMatches ? 'content matches' : 'will be updated to match the code'})`)}`,
        ...(change.before && !change.contentMatches ? formatFlowDiff(change.before, change.payload, colors) : []),
      ];
    case 'drift':
      return [
        `${head} ${colors.paint('red', 'edited outside runtype-flows since the last sync; sync refuses to overwrite it without --force')}`,
        colors.paint('gray', '      remote → code:'),
        ...formatFlowDiff(change.before, change.payload, colors),
      ];
    case 'missing':
      return [`${head} ${colors.paint('gray', `(remote flow ${change.previousId} was deleted; sync recreates it)`)}`];
    case 'delete':
      return [`${head} ${colors.paint('gray', `(remote ${change.remoteId}; removed from code — deleted only with --prune)`)}`];
    case 'conflict':
      return [
        `${head} ${colors.paint('red', `several untracked remote flows have this name: ${change.remoteIds.join(', ')}`)}`,
        colors.paint('gray', '      delete or rename the extra remote flows (or rename this flow), then run again'),
      ];
    case 'noop':
      return [head];
  }
}
