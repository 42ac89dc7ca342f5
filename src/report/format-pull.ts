import type { PullResult } from '../app/results.js';
import { plainColors, type Colors } from './color.js';
import { plural } from './format-diagnostics.js';
import { redactString } from './redact.js';

/**
 * Human text of a pull: one line per flow taken into code (with what was
 * filled in or could not be matched), what was left alone and why, duplicate
 * names and how to resolve them, and — when it wrote nothing — the command
 * that goes ahead.
 */
export function formatPull(result: PullResult, colors: Colors = plainColors): string {
  const lines: string[] = [];
  const verb = result.dryRun ? 'would write' : 'wrote';
  for (const flow of result.flows) {
    const what =
      flow.action === 'created'
        ? `${verb} ${flow.file}`
        : flow.action === 'updated'
          ? `${result.dryRun ? 'would update' : 'updated'} ${flow.file}`
          : `${flow.file} already matches`;
    const mark =
      flow.action === 'unchanged'
        ? colors.paint('gray', '=')
        : colors.paint('green', flow.action === 'created' ? '+' : '~');
    lines.push(`${mark} ${flow.key} ("${redactString(flow.name)}", ${flow.remoteId}): ${what}`);
    for (const path of flow.changed ?? []) lines.push(colors.paint('gray', `    changed ${path}`));
    for (const note of flow.notes)
      lines.push(colors.paint('yellow', `    note ${note.path}: ${redactString(note.message)}`));
  }
  if (result.skipped.length > 0) {
    lines.push('', `Left alone (a flow in code of the same name adopts each on the next sync):`);
    for (const s of result.skipped)
      lines.push(`  "${redactString(s.name)}" (${s.remoteId}) → ${s.key}`);
  }
  for (const dup of result.duplicateNames) {
    lines.push(
      colors.paint(
        'yellow',
        `${plural(dup.keys.length, 'remote flow')} share the name ` +
          `"${redactString(dup.name)}" (${dup.remoteIds.join(', ')}): pulled as ` +
          `${dup.keys.join(', ')}.`,
      ),
    );
    lines.push(
      '  Flow names must be unique in a project: rename all but one in the dashboard and ' +
        'pull again; until then validate and sync report the duplicate name.',
    );
  }
  for (const warning of result.warnings) lines.push(colors.paint('yellow', `warning: ${warning}`));
  if (lines.length > 0) lines.push('');
  lines.push(summary(result, colors));
  if (result.blocked) {
    for (const item of result.blocked.items)
      lines.push(`  ${item.key}: ${item.file} ${item.detail}`);
    lines.push(
      `${advice(result.blocked.reason)} Re-run with: ${colors.paint('bold', result.blocked.rerun)}`,
    );
  }
  return lines.join('\n');
}

// --- internal ---

function summary(result: PullResult, colors: Colors): string {
  if (result.flows.length === 0)
    return 'Nothing to pull: every remote flow is tracked (or adopted by a flow in code).';
  if (result.blocked)
    return colors.paint('yellow', `Nothing was written: ${reasonText(result.blocked.reason)}.`);
  const count = (action: string) => result.flows.filter((f) => f.action === action).length;
  const parts = [
    `${count('created')} new`,
    `${count('updated')} updated`,
    `${count('unchanged')} unchanged`,
  ];
  if (result.dryRun)
    return colors.paint(
      'yellow',
      `Dry run: ${parts.join(', ')}; nothing was written (no file, no lock state).`,
    );
  const unrecorded = result.flows.filter((f) => !f.recorded).length;
  const tail =
    unrecorded > 0
      ? `; ${unrecorded} not recorded (fix what validate reports, then sync)`
      : `; recorded in ${result.target.lockFile}`;
  return colors.paint(
    'green',
    `Pulled ${plural(result.flows.length, 'flow')} into ${result.outDir}/: ` +
      `${parts.join(', ')}${tail}.`,
  );
}

function reasonText(reason: NonNullable<PullResult['blocked']>['reason']): string {
  if (reason === 'dirty') return 'these files have uncommitted changes';
  if (reason === 'computed') return 'the remote differs where these files compute a value';
  return 'these files hold work the remote does not have';
}

function advice(reason: NonNullable<PullResult['blocked']>['reason']): string {
  if (reason === 'dirty') return 'Commit or stash them first, or overwrite anyway.';
  if (reason === 'computed')
    return 'Change the code by hand, or replace those values with the remote literals.';
  return 'Sync or discard them first, or overwrite them with the remote version.';
}
