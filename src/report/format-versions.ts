import type { VersionsResult } from '../app/results.js';
import { plainColors, type Colors } from './color.js';
import { redactString } from './redact.js';
import { targetLabel } from '../app/target-label.js';

const HEADER = ['VERSION', 'TYPE', 'CREATED', 'LABEL', 'ID', ''] as const;

/**
 * `versions KEY`: a table newest first, marking the live version and the ones holding the code,
 * then one line saying whether what runs is the code.
 */
export function formatVersions(result: VersionsResult, colors: Colors = plainColors): string {
  const rows = result.versions.map((v) => [
    v.number === null ? '?' : `v${v.number}`,
    v.type ?? '-',
    v.createdAt ?? '-',
    redactString(v.label ?? '-'),
    v.id,
    [v.live ? 'live' : '', v.matchesCode ? 'code' : v.contentUnknown ? 'code?' : '']
      .filter(Boolean)
      .join(', '),
  ]);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const lines = [
    colors.paint(
      'bold',
      `Versions of ${result.key} ("${redactString(result.name)}", ${result.remoteId}) in ` +
        `"${result.target.environment}" (${targetLabel(result.target)})`,
    ),
    '',
  ];
  if (rows.length === 0) lines.push('No versions.');
  else lines.push(colors.paint('bold', line(HEADER)), ...rows.map(line));
  lines.push('', liveLine(result, colors));
  return lines.join('\n');
}

// --- internal ---

function liveLine(result: VersionsResult, colors: Colors): string {
  const live = result.versions.find((v) => v.live);
  if (result.pinned) {
    const pinned = result.pinned.versionNumber ?? result.pinned.versionId;
    return colors.paint(
      'cyan',
      `Pinned to version ${pinned} by rollback: sync leaves it live until the code changes.`,
    );
  }
  if (!live) return colors.paint('yellow', 'No version is live.');
  const which = live.number === null ? live.id : `v${live.number}`;
  if (!result.inCode) return `Live: ${which} (the flow is not in the code).`;
  if (live.matchesCode) return colors.paint('green', `Live: ${which}, which is the code.`);
  if (live.contentUnknown) {
    return colors.paint(
      'yellow',
      `Live: ${which}; whether it is the code is unknown (a newer version exists, and its ` +
        'content cannot be read from the API). `code?`: the same for other versions.',
    );
  }
  return colors.paint('yellow', `Live: ${which}, behind the code (sync publishes it).`);
}
