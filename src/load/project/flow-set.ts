import path from 'node:path';
import type { Diagnostic } from '../../model/diagnostics.js';
import { checkFlowSet, type Flow } from '../../model/index.js';

export interface OwnedFlow {
  flow: Flow;
  file: string;
  exportName: string;
}

/**
 * checkFlowSet over the project's flows, with the other files named
 * relative to the root ("also used in flows/b.ts"), and by export too where
 * one file holds several flows ("flows/m.ts (export four)"). Each diagnostic
 * carries its export, so the locator finds the right one of two flows
 * sharing a key in one file.
 */
export function checkProjectFlows(entries: readonly OwnedFlow[], root: string): Diagnostic[] {
  const perFile = new Map<string, number>();
  for (const e of entries) perFile.set(e.file, (perFile.get(e.file) ?? 0) + 1);
  const byLabel = new Map<string, OwnedFlow>();
  const labelled = entries.map((entry) => {
    const relative = path.relative(root, entry.file) || entry.file;
    const label =
      (perFile.get(entry.file) ?? 0) > 1 ? `${relative} (export ${entry.exportName})` : relative;
    byLabel.set(label, entry);
    return { flow: entry.flow, file: label };
  });
  return checkFlowSet(labelled).map((d) => {
    const entry = d.file === undefined ? undefined : byLabel.get(d.file);
    return entry ? { ...d, file: entry.file, exportName: entry.exportName } : d;
  });
}
