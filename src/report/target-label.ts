import type { TargetInfo } from '../app/results.js';

/**
 * The embedded emulator's stable name: its port is random, so headings and summaries never show it.
 */
export const EMBEDDED_EMULATOR_LABEL = 'embedded emulator (local)';

/** Where a run went, for headings: the API URL, or the embedded emulator's label. */
export function targetLabel(target: Pick<TargetInfo, 'kind' | 'apiUrl'>): string {
  return target.kind === 'emulator' ? EMBEDDED_EMULATOR_LABEL : target.apiUrl;
}
