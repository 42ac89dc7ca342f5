import type { FlowState, StatusResult } from '../app/results.js';
import { plainColors, type Colors, type Style } from './color.js';
import { redactString } from './redact.js';
import { targetLabel } from '../app/target-label.js';

/** In display order for the counts line. */
const STATE_STYLE: Record<FlowState, Style> = {
  'in-sync': 'green',
  changed: 'yellow',
  new: 'yellow',
  adoptable: 'cyan',
  'live-behind': 'cyan',
  draft: 'gray',
  pinned: 'cyan',
  removed: 'yellow',
  drift: 'red',
  'live-drift': 'red',
  missing: 'red',
  conflict: 'red',
};

const HEADER = ['KEY', 'NAME', 'REMOTE ID', 'STATE'] as const;

/** An aligned table `KEY  NAME  REMOTE ID  STATE` (state coloured), then the counts per state. */
export function formatStatus(result: StatusResult, colors: Colors = plainColors): string {
  const rows = result.flows.map(
    (f) => [f.key, redactString(f.name), f.remoteId ?? '-', f.state] as const,
  );
  const widths = [0, 1, 2].map((i) =>
    Math.max(HEADER[i]?.length ?? 0, ...rows.map((r) => r[i]?.length ?? 0)),
  );
  const pad = (cells: readonly string[]) =>
    cells.slice(0, 3).map((cell, i) => cell.padEnd(widths[i] ?? 0));
  const lines = rows.length
    ? [colors.paint('bold', [...pad(HEADER), HEADER[3]].join('  '))]
    : ['No flows in code or in the lock state.'];
  for (const row of rows)
    lines.push([...pad(row), colors.paint(STATE_STYLE[row[3]], row[3])].join('  '));

  const counts = (Object.keys(STATE_STYLE) as FlowState[])
    .map((state) => [state, result.flows.filter((f) => f.state === state).length] as const)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => colors.paint(STATE_STYLE[state], `${n} ${state}`));
  lines.push(
    '',
    `${result.target.environment} (${targetLabel(result.target)}): ` +
      `${counts.join(', ') || 'no flows'}.`,
  );
  if (result.unmanaged) lines.push(...unmanagedLines(result.unmanaged, colors));
  if (!result.remoteChecked)
    lines.push(
      colors.paint(
        'gray',
        'Offline: compared with the lock state only; drift, adoptable and remotely deleted ' +
          'flows are not detected.',
      ),
    );
  return lines.join('\n');
}

// --- internal ---

/**
 * `status --all`: remote flows no code manages, with when they last ran, and how to take them in.
 */
function unmanagedLines(flows: NonNullable<StatusResult['unmanaged']>, colors: Colors): string[] {
  if (flows.length === 0) return ['', 'Every remote flow is managed by code.'];
  const rows = flows.map(
    (f) => [redactString(f.name), f.remoteId, f.lastRunAt ?? 'never'] as const,
  );
  const widths = [0, 1].map((i) =>
    Math.max(i === 0 ? 4 : 9, ...rows.map((r) => r[i]?.length ?? 0)),
  );
  const lines = [
    '',
    colors.paint('bold', `Not managed by code (${flows.length}):`),
    colors.paint(
      'bold',
      ['NAME'.padEnd(widths[0] ?? 0), 'REMOTE ID'.padEnd(widths[1] ?? 0), 'LAST RUN'].join('  '),
    ),
  ];
  for (const row of rows)
    lines.push([row[0].padEnd(widths[0] ?? 0), row[1].padEnd(widths[1] ?? 0), row[2]].join('  '));
  lines.push(
    colors.paint(
      'gray',
      'Bring them into code with `runtype-flows pull --all` (or `pull NAME|ID`).',
    ),
  );
  return lines;
}
