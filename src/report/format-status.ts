import type { FlowState, StatusResult } from '../app/results.js';
import { plainColors, type Colors, type Style } from './color.js';

const STATE_STYLE: Record<FlowState, Style> = {
  'in-sync': 'green',
  changed: 'yellow',
  new: 'yellow',
  adoptable: 'cyan',
  drift: 'red',
  missing: 'red',
  removed: 'yellow',
  conflict: 'red',
};

/** An aligned table of every flow and its state, then the counts per state. */
export function formatStatus(result: StatusResult, colors: Colors = plainColors): string {
  const rows = [['KEY', 'NAME', 'REMOTE ID', 'STATE'], ...result.flows.map((f) => [f.key, f.name, f.remoteId ?? '-', f.state])];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const lines = rows.map((row, index) => {
    const cells = row.slice(0, 3).map((cell, i) => cell.padEnd(widths[i] ?? 0));
    const state = row[3] ?? '';
    const painted = index === 0 ? state : colors.paint(STATE_STYLE[state as FlowState], state);
    return [...cells, painted].join('  ');
  });
  const counts = new Map<string, number>();
  for (const f of result.flows) counts.set(f.state, (counts.get(f.state) ?? 0) + 1);
  lines.push('', `${result.target.environment}: ${[...counts].map(([state, n]) => `${n} ${state}`).join(', ') || 'no flows'}`);
  if (!result.remoteChecked) lines.push(colors.paint('gray', 'Offline: compared with the lock state only.'));
  return lines.join('\n');
}
