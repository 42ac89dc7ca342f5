import type { Diagnostic } from '../../model/diagnostics.js';
import { DiagnosticCodes as C } from '../../model/diagnostic-codes.js';
import { isFlowDefinition } from '../../model/index.js';

export interface FlowExport {
  exportName: string;
  value: unknown;
}

export interface ModuleExports {
  /** The default export first, then named exports by name; one value exported twice counts once. */
  flows: FlowExport[];
  /**
   * Exports that look like flows but are not read as one (an array of flows, a Promise of one,
   * ...).
   */
  ignored: { exportName: string; value: unknown; diagnostic: Diagnostic }[];
}

/**
 * Sorts a module's exports into flows and the rest. A flow is a defineFlow
 * value, or an object shaped like one (`{ key, name, steps: [] }`: the user's
 * project may hold its own copy of the package). The shapes a user may
 * reasonably have meant as flows — an array of them, a Promise of one, an
 * object with steps but no key — get a warning instead of silence.
 */
export async function readModuleExports(
  namespace: Record<string, unknown>,
  file: string,
): Promise<ModuleExports> {
  const seen = new Set<unknown>();
  const names = Object.keys(namespace).sort((a, b) =>
    a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b),
  );
  const out: ModuleExports = { flows: [], ignored: [] };
  for (const exportName of names) {
    const value = namespace[exportName];
    if (isFlowDefinition(value)) {
      if (!seen.has(value)) out.flows.push({ exportName, value });
      seen.add(value);
      continue;
    }
    const why = await notAFlow(value);
    if (!why) continue;
    const diagnostic: Diagnostic = {
      severity: 'warning',
      code: C.FLOW_EXPORT_IGNORED,
      file,
      message: `the export "${exportName}" ${why.message}`,
      hint: why.hint,
      exportName,
    };
    out.ignored.push({ exportName, value, diagnostic });
  }
  return out;
}

// --- internal ---

async function notAFlow(value: unknown): Promise<{ message: string; hint: string } | undefined> {
  if (Array.isArray(value)) {
    if (!value.some(isFlowDefinition)) return undefined;
    return {
      message: 'is an array of flows; each flow must be an export of its own',
      hint: 'Export each one: `export const a = defineFlow({ ... })`.',
    };
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (typeof (value as { then?: unknown }).then === 'function') {
    const settled = await peek(value as PromiseLike<unknown>);
    if (!isFlowDefinition(settled)) return undefined;
    return {
      message: 'is a Promise of a flow; flows are read as values, not awaited',
      hint:
        'Await it in the module: `export default await makeFlow()` ' +
        '(flow modules may use top-level await).',
    };
  }
  const v = value as Record<string, unknown>;
  if (!('steps' in v) || !('name' in v || 'key' in v)) return undefined;
  return {
    message:
      `looks like a flow (it has ${'name' in v ? 'name' : 'key'} and steps) but is not one: ` +
      `${typeof v.key === 'string' ? 'its steps are not a list' : 'it has no string key'}`,
    hint: "Write it as `defineFlow({ key: 'my-flow', name: '...', steps: [...] })`.",
  };
}

/**
 * The value of a promise that is already settled (resolved promises settle before the next
 * macrotask); else undefined.
 */
async function peek(promise: PromiseLike<unknown>): Promise<unknown> {
  const later = new Promise<undefined>((resolve) => setImmediate(() => resolve(undefined)));
  return Promise.race([
    Promise.resolve(promise).then(
      (v) => v,
      () => undefined,
    ),
    later,
  ]);
}
