import type { PlanResult } from '../app/results.js';
import type { Change, FlowPayload, Plan } from '../plan/index.js';
import { plainColors, type Colors, type Style } from './color.js';
import { plural } from './format-diagnostics.js';
import { formatFlowDiff, formatStepList } from './format-flow-diff.js';
import { redactString } from './redact.js';
import { targetLabel } from '../app/target-label.js';

export interface FormatPlanOptions {
  /** Also list unchanged flows. */
  verbose?: boolean;
}

const SYMBOL: Record<Change['kind'], [string, Style]> = {
  create: ['+', 'green'],
  adopt: ['⇐', 'cyan'],
  update: ['~', 'yellow'],
  publish: ['↑', 'cyan'],
  drift: ['!', 'red'],
  'live-drift': ['!', 'red'],
  missing: ['↻', 'yellow'],
  delete: ['-', 'red'],
  conflict: ['✖', 'red'],
  noop: ['=', 'gray'],
};

const NOTE = '      ';

/**
 * Human text of a plan: a header naming the target, one block per change
 * (field, step and prompt-text diffs where the remote is known), a summary
 * line and what this plan could not check.
 */
export function formatPlan(
  result: PlanResult,
  colors: Colors = plainColors,
  options: FormatPlanOptions = {},
): string {
  const { plan, target } = result;
  const lines = [
    colors.paint('bold', `Plan for environment "${target.environment}" (${targetLabel(target)})`),
    '',
  ];
  // A noop is shown when it has something to say: a description note, a pin, a draft not live.
  const shown = plan.changes.filter(
    (c) =>
      c.kind !== 'noop' ||
      c.descriptionChanged ||
      c.pinned ||
      !c.published ||
      options.verbose === true,
  );
  const keyWidth = Math.max(0, ...shown.map((c) => c.key.length));
  for (const change of shown) lines.push(...formatChange(change, keyWidth, colors));
  if (shown.length > 0) lines.push('');
  lines.push(summaryLine(plan, colors));
  const unchecked = !plan.remoteChecked ? OFFLINE_NOTE : !plan.refreshed ? UNREFRESHED_NOTE : '';
  if (unchecked !== '') lines.push(colors.paint('gray', unchecked));
  if (result.unmanaged) {
    const flows = plural(result.unmanaged, 'remote flow');
    const how = '`runtype-flows pull --all` brings them in (`status --all` lists them).';
    lines.push(colors.paint('gray', `${flows} not managed by code: ${how}`));
  }
  return lines.join('\n');
}

/** `Plan: 2 to create, 1 to update, …` or `No changes. 12 flows in sync.` */
export function summaryLine(plan: Plan, colors: Colors = plainColors): string {
  const s = plan.summary;
  const pending = plan.changes.length - s.noop;
  if (pending === 0) return colors.paint('green', `No changes. ${plural(s.noop, 'flow')} in sync.`);
  const parts = [
    `${s.create} to create`,
    `${s.update} to update`,
    `${s.adopt} to adopt`,
    ...(s.publish ? [colors.paint('cyan', `${s.publish} to publish`)] : []),
    ...(s.missing ? [`${s.missing} to recreate`] : []),
    `${s.delete} to delete (with --prune)`,
    ...(s.drift ? [colors.paint('red', `${s.drift} drifted`)] : []),
    ...(s['live-drift'] ? [colors.paint('red', `${s['live-drift']} live version changed`)] : []),
    ...(s.conflict ? [colors.paint('red', plural(s.conflict, 'conflict'))] : []),
    `${s.noop} unchanged`,
  ];
  return `Plan: ${parts.join(', ')}.`;
}

// --- internal ---

const OFFLINE_NOTE =
  'Offline: the remote account was not consulted, so adoption of existing remote flows, drift ' +
  'and remotely deleted flows were not checked.';
const UNREFRESHED_NOTE =
  'Drift was checked only for flows about to change; drift on unchanged flows is only checked ' +
  'with --refresh.';

function formatChange(change: Change, keyWidth: number, colors: Colors): string[] {
  const lines = formatChangeBody(change, keyWidth, colors);
  if (change.descriptionChanged) lines.push(`${NOTE}${colors.paint('gray', DESCRIPTION_NOTE)}`);
  return lines;
}

const DESCRIPTION_NOTE =
  'note: the description changed in code; the API takes a description only when a flow is ' +
  'created, so it is not deployed (edit it in the dashboard)';

function formatChangeBody(change: Change, keyWidth: number, colors: Colors): string[] {
  const [symbol, style] = SYMBOL[change.kind];
  const label = change.kind === 'noop' && change.pinned ? 'pinned' : change.kind;
  const kind = colors.paint(style, `${symbol} ${label.padEnd(8)}`);
  const key = colors.paint('bold', change.key.padEnd(keyWidth));
  const head = `${kind} ${key}  "${redactString(change.name)}"`;
  const note = (text: string, tone: Style = 'gray') => `${NOTE}${colors.paint(tone, text)}`;
  switch (change.kind) {
    case 'create':
      return [head, ...formatStepList(change.payload, colors)];
    case 'update':
      return [
        head,
        ...(change.before
          ? diffOrNote(change.before, change.payload, colors)
          : [note('changed since the last sync (details need the remote; run without --offline)')]),
      ];
    case 'adopt':
      return [
        head,
        note(adoptNote(change)),
        ...(change.contentMatches
          ? []
          : change.before
            ? diffOrNote(change.before, change.payload, colors)
            : []),
      ];
    case 'drift':
      return [
        head,
        note(
          `edited outside runtype-flows since the last sync (remote ${change.remoteId}` +
            `${change.codeChanged ? '; the code changed too' : ''}).`,
          'red',
        ),
        note(
          'sync refuses to overwrite it without --force ' +
            '(which replaces the remote edits with the code).',
          'red',
        ),
        note('remote → code:'),
        ...diffOrNote(change.before, change.payload, colors),
      ];
    case 'missing':
      return [head, note(`deleted remotely (was ${change.previousId}); sync recreates it`)];
    case 'delete':
      return [
        head,
        note(
          change.alreadyGone
            ? `removed from code and already deleted remotely (was ${change.remoteId}); ` +
                'sync only forgets it'
            : `removed from code; remote flow ${change.remoteId} is deleted only with --prune`,
        ),
      ];
    case 'conflict':
      return [
        head,
        note(
          `${change.remoteIds.length} untracked remote flows have this name: ` +
            change.remoteIds.join(', '),
          'red',
        ),
        note('delete or rename the extra remote flows (or rename this flow), then run again'),
      ];
    case 'publish':
      return [head, note('deployed, but the live version is behind the code; sync publishes it')];
    case 'live-drift':
      return [
        head,
        note(
          `live version changed outside runtype-flows: ${change.liveVersionId ?? 'none'} is ` +
            `live, ${change.expectedVersionId} was made live ` +
            `${change.pinned ? 'by a rollback' : 'by the last sync'}.`,
          'red',
        ),
        note(
          'sync leaves it; `sync --refresh --force` makes that version live again (a sync ' +
            'without --refresh does not read live versions).',
          'red',
        ),
      ];
    case 'noop':
      if (change.pinned) {
        const version = change.pinned.versionNumber ?? change.pinned.versionId;
        return [
          head,
          note(`pinned to version ${version} by rollback; the next code change releases it`),
        ];
      }
      if (!change.published) {
        return [
          head,
          note('deployed as a draft: the live version is behind the code (publish is off here)'),
        ];
      }
      return [head];
  }
}

/** What adopting does: a key changed in code, or an untracked remote flow of the same name. */
function adoptNote(change: Extract<Change, { kind: 'adopt' }>): string {
  if (change.previousKey) {
    const content = change.contentMatches
      ? 'content matches'
      : 'content is updated to match the code';
    return (
      `key changed from "${change.previousKey}": its remote flow ${change.remoteId} moves to ` +
      `the new key (no new flow, nothing deleted); ${content}`
    );
  }
  const which =
    change.matchedName === undefined
      ? 'of the same name'
      : `named "${redactString(change.matchedName)}" ` +
        '(created by an interrupted run under that name)';
  const content = change.contentMatches
    ? 'content matches, nothing to update'
    : 'its content differs and is updated to match the code';
  return `existing remote flow ${change.remoteId} ${which} is taken over; ${content}`;
}

function diffOrNote(before: FlowPayload, after: FlowPayload, colors: Colors): string[] {
  const lines = formatFlowDiff(before, after, colors, NOTE);
  return lines.length > 0
    ? lines
    : [`${NOTE}${colors.paint('gray', 'no field-level differences')}`];
}
