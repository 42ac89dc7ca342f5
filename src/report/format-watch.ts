import type { ChangeOutcome } from '../app/results.js';
import { targetLabel } from '../app/target-label.js';
import type { WatchCycle, WatchEvent } from '../app/watch-events.js';
import { plainColors, type Colors } from './color.js';
import { formatDiagnosticCounts, formatDiagnostics, plural } from './format-diagnostics.js';
import { formatError } from './format-error.js';
import { redactString } from './redact.js';

export interface WatchText {
  /** What happened (human mode only). */
  stdout: string[];
  /** Diagnostics and errors (both modes, as every command prints them). */
  stderr: string[];
}

export interface FormatWatchOptions {
  out?: Colors;
  err?: Colors;
  /** Also list flows a full cycle found unchanged. */
  verbose?: boolean;
}

/**
 * Human text of one watch event: a start line, one line per change a cycle
 * applied (or failed, refused, left in place) and one line per cycle
 * (`✔ 1 updated in 0.08s`); diagnostics as `validate` prints them.
 */
export function formatWatchEvent(event: WatchEvent, options: FormatWatchOptions = {}): WatchText {
  const out = options.out ?? plainColors;
  const err = options.err ?? plainColors;
  switch (event.event) {
    case 'ready': {
      const stop = out.paint('gray', 'Ctrl-C to stop.');
      if (!event.target)
        return {
          stdout: [`Watching for a fix: nothing is synced until the code is valid. ${stop}`],
          stderr: [],
        };
      const where = targetLabel(event.target);
      return {
        stdout: [
          `Watching ${plural(event.flows, 'flow')}, syncing to "${event.target.environment}" ` +
            `(${where}). ${stop}`,
        ],
        stderr: [],
      };
    }
    case 'cycle':
      return {
        stdout: [
          ...event.outcomes
            .filter((o) => o.status !== 'unchanged' || options.verbose === true)
            .map((o) => formatOutcomeLine(o, out)),
          cycleLine(event, out),
        ],
        stderr: [],
      };
    case 'invalid': {
      const summary =
        `${out.paint('red', '✖')} ${formatDiagnosticCounts(event.diagnostics)}: nothing ` +
        'applied, the last good version stays live. Waiting for a fix…';
      return { stdout: [summary], stderr: [formatDiagnostics(event.diagnostics, event.root, err)] };
    }
    case 'error':
      return {
        stdout: [],
        stderr: [
          formatError(event.error, err, options.verbose === true),
          err.paint(
            'gray',
            event.fatal
              ? 'Stopping.'
              : 'Still watching: nothing more was applied; the next save tries again.',
          ),
        ],
      };
    case 'stopped': {
      const stopped = err.paint('gray', `Stopped watching after ${plural(event.cycles, 'cycle')}.`);
      const left = event.leftBehind ?? [];
      if (left.length === 0) return { stdout: [], stderr: [stopped] };
      const listed = left.map((f) => `  ${f.key} (${f.remoteId})`);
      const head =
        `${plural(left.length, 'flow')} this session created ` +
        'no longer in the code, still remote:';
      const how = `Remove them with: ${event.cleanup ?? 'runtype-flows sync --prune'}`;
      return { stdout: [], stderr: [stopped, err.paint('yellow', head), ...listed, how] };
    }
  }
}

// --- internal ---

function cycleLine(event: WatchCycle, colors: Colors): string {
  const c = event.counts;
  const published = event.outcomes.filter((o) => o.published).length;
  const parts = [
    ...(c.created ? [`${c.created} created`] : []),
    ...(c.updated ? [`${c.updated} updated`] : []),
    ...(c.adopted ? [`${c.adopted} adopted`] : []),
    ...(c.recreated ? [`${c.recreated} recreated`] : []),
    ...(c.deleted ? [`${c.deleted} forgotten`] : []),
    ...(c.skipped ? [`${c.skipped} removed from code`] : []),
    ...(c.refused ? [colors.paint('red', `${c.refused} refused`)] : []),
    ...(c.failed ? [colors.paint('red', `${c.failed} failed`)] : []),
    ...(published ? [colors.paint('cyan', `${published} published`)] : []),
  ];
  if (event.full && c.none) parts.push(`${c.none} unchanged`);
  const mark = !event.ok
    ? colors.paint('red', '✖')
    : event.blocked
      ? colors.paint('yellow', '!')
      : colors.paint('green', '✔');
  const what = parts.length > 0 ? parts.join(', ') : 'no changes';
  const synced = event.full ? `synced "${event.environment}": ` : '';
  const seconds = (event.durationMs / 1000).toFixed(2);
  const lines = [`${mark} ${synced}${what} in ${seconds}s`];
  if (event.blocked)
    lines.push(
      colors.paint(
        'yellow',
        `  Not overwritten (edited outside runtype-flows): ${event.blocked.keys.join(', ')}. ` +
          'Restart with --force to overwrite them.',
      ),
    );
  if (event.interrupted)
    lines.push(
      colors.paint(
        'yellow',
        `  Interrupted: ${interruptedText(event.interrupted)}; the next sync finishes them.`,
      ),
    );
  return lines.join('\n');
}

function interruptedText({ notStarted, cutShort }: NonNullable<WatchCycle['interrupted']>): string {
  const stopped =
    cutShort.length > 0
      ? [`${plural(cutShort.length, 'change')} cut short (${cutShort.join(', ')})`]
      : [];
  return [...stopped, `${plural(notStarted, 'change')} not started`].join(', ');
}

function formatOutcomeLine(o: ChangeOutcome, colors: Colors): string {
  // An outcome whose action is `published` says so already.
  const published =
    o.published && o.action !== 'published' ? colors.paint('cyan', ' [published]') : '';
  switch (o.status) {
    case 'applied': {
      const action = o.action === 'deleted' ? 'forgotten (already deleted remotely)' : o.action;
      return `  ${colors.paint('green', '✔')} ${action} ${o.key}${published}`;
    }
    case 'failed': {
      const message = redactString(o.error?.message ?? 'unknown error');
      const code = colors.paint('gray', `(${o.error?.code ?? 'UNKNOWN'})`);
      return `  ${colors.paint('red', '✖')} ${o.key}: ${message} ${code}`;
    }
    case 'refused': {
      const drift = o.kind === 'drift' ? 'drift — ' : '';
      return `  ${colors.paint('yellow', '!')} ${o.key}: ${drift}${redactString(o.reason ?? '')}`;
    }
    case 'skipped':
      return `  ${colors.paint('gray', '-')} ${o.key}: ${redactString(o.reason ?? '')}`;
    case 'unchanged':
      return `  ${colors.paint('gray', '=')} ${o.key}${published}`;
  }
}
