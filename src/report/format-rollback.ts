import type { RollbackResult } from '../app/results.js';
import { plainColors, type Colors } from './color.js';

/** `rollback`: which version is live now and that the flow is pinned, or what to re-run. */
export function formatRollback(result: RollbackResult, colors: Colors = plainColors): string {
  const to = label(result.to);
  const from = result.from.versionId === null ? 'none' : label(result.from);
  if (result.blocked) {
    return [
      colors.paint('yellow', `Nothing done: making ${to} of ${result.key} live needs confirming.`),
      `Re-run with --yes: ${result.blocked.rerun}`,
    ].join('\n');
  }
  const what = result.changed
    ? colors.paint('green', `✔ ${result.key}: ${to} is live (was ${from}).`)
    : colors.paint('green', `✔ ${result.key}: ${to} was live already.`);
  return [
    what,
    colors.paint(
      'gray',
      `Pinned: sync leaves ${to} live until the flow's code changes; the next change deploys ` +
        'and publishes as usual.',
    ),
  ].join('\n');
}

function label(v: { versionId: string | null; versionNumber: number | null }): string {
  return v.versionNumber === null ? `version ${v.versionId ?? '?'}` : `version ${v.versionNumber}`;
}
