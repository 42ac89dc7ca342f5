import type { FlowState, StatusResult } from '../app/results.js';
import { plainColors, type Colors, type Style } from './color.js';
import { redactString } from './redact.js';
import { targetLabel } from './target-label.js';

/** In display order for the counts line. */
const STATE_STYLE: Record<FlowState, Style> = {
  'in-sync': 'green',
  changed: 'yellow',
  new: 'yellow',
  adoptable: 'cyan',
  removed: 'yellow',
  drift: 'red',
  missing: 'red',
  conflict: 'red',
};

const HEADER = ['KEY', 'NAME', 'REMOTE ID', 'STATE'] as const;

/** An aligned table `KEY  NAME  REMOTE ID  STATE` (state coloured), then the counts per state. */
export function formatStatus(result: StatusResult, colors: Colors = plainColors): string {
  const rows = result.flows.map((f) => [f.key, redactString(f.name), f.remoteId ?? '-', f.state] as const);
  const widths = [0, 1, 2].map((i) => Math.max(HEADER[i]?.length ?? 0, ...rows.map((r) => r[i]?.length ?? 0)));
  const pad = (cells: readonly string[]) => cells.slice(0, 3).map((cell, i) => cell.padEnd(widths[i] ?? 0));
  const lines = rows.length ? [colors.paint('bold', [...pad(HEADER), HEADER[3]].join('  '))] : ['No flows in code or in the lock state.'];
  for (const row of rows) lines.push([...pad(row), colors.paint(STATE_STYLE[row[3]], row[3])].join('  '));

  const counts = (Object.keys(STATE_STYLE) as FlowState[])
    .map((state) => [state, result.flows.filter((f) => f.state === state).length] as const)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => colors.paint(STATE_STYLE[state], `${n} ${state}`));
  lines.push('', `${result.target.environment} (${targetLabel(result.target)}): ${counts.join(', ') || 'no flows'}.`);
  if (!result.remoteChecked) lines.push(colors.paint('gray', 'Offline: compared with the lock state only; drift, adoptable and remotely deleted flows are not detected.'));
  return lines.join('\n');
}
