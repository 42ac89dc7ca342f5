import type { Diagnostic } from './diagnostics.js';
import { DiagnosticCodes as C } from './diagnostic-codes.js';
import type { Flow } from './flow.js';

/**
 * Rules across flows: a key is a flow's identity and a name is Runtype's
 * (adoption matches remote flows by name), so both must be unique. Each
 * duplicate is reported on every file involved, naming the other.
 */
export function checkFlowSet(entries: readonly { flow: Flow; file: string }[]): Diagnostic[] {
  return [
    ...duplicates(
      entries,
      (f) => f.key,
      'key',
      C.DUPLICATE_FLOW_KEY,
      'Keys identify flows in the lockfile; give each flow its own.',
    ),
    ...duplicates(
      entries,
      (f) => f.name,
      'name',
      C.DUPLICATE_FLOW_NAME,
      'Runtype identifies flows by name when adopting them; rename one of them.',
    ),
  ];
}

// --- internal ---

function duplicates(
  entries: readonly { flow: Flow; file: string }[],
  pick: (flow: Flow) => string,
  field: 'key' | 'name',
  code: string,
  hint: string,
): Diagnostic[] {
  const groups = new Map<string, { flow: Flow; file: string }[]>();
  for (const entry of entries) {
    const value = pick(entry.flow);
    groups.set(value, [...(groups.get(value) ?? []), entry]);
  }
  const out: Diagnostic[] = [];
  for (const [value, group] of groups) {
    if (group.length < 2) continue;
    for (const entry of group) {
      const others = group.filter((g) => g !== entry).map((g) => g.file);
      out.push({
        severity: 'error',
        code,
        message: `duplicate flow ${field} "${value}", also used in ${others.join(', ')}`,
        file: entry.file,
        flowKey: entry.flow.key,
        path: [field],
        hint,
      });
    }
  }
  return out;
}
