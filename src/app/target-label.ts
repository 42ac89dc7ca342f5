/**
 * The embedded emulator's stable name: its port is random, so headings, summaries and messages
 * never show it.
 */
export const EMBEDDED_EMULATOR_LABEL = 'embedded emulator (local)';

/**
 * Where a run goes, as every heading and message names it: the API URL, or the embedded
 * emulator's label. A leaf (report/ reads it too), so a label is written once.
 */
export function targetLabel(target: { kind: 'emulator' | 'remote'; apiUrl?: string }): string {
  return target.kind === 'emulator' ? EMBEDDED_EMULATOR_LABEL : (target.apiUrl ?? '');
}
