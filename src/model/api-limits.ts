import type { JsonValue } from '../errors.js';
import { DiagnosticCodes as C } from './diagnostic-codes.js';
import type { ReportDiagnostic } from './diagnostics.js';
import type { FlowStep } from './flow.js';

/**
 * UNCONFIRMED: limits the API document does not state. Each is a guess (the embedded
 * emulator enforces the same numbers, test/emulator pins them equal), so breaking one is a
 * WARNING with the number, at the value's place — never an error: the real API may accept
 * more. Correct them here once the real limits are known.
 */
export const API_LIMIT_GUESSES = {
  /** A step config nested deeper is refused by the emulator (its MAX_CONFIG_DEPTH). */
  configDepth: 64,
  /** Request bodies above this are refused by the emulator (413; its DEFAULT_BODY_LIMIT_BYTES). */
  payloadBytes: 1024 * 1024,
  /** A flow or step name longer than this is likely cut or refused somewhere. */
  nameLength: 255,
} as const;

/** Warns (once per place, with the numbers) where a flow goes past a guessed API limit. */
export function checkApiLimits(
  json: { [key: string]: JsonValue },
  steps: readonly FlowStep[],
  report: ReportDiagnostic,
): void {
  const text = JSON.stringify(json);
  // UTF-8 takes at most 3 bytes per UTF-16 unit: most flows are cleared without encoding them.
  const bytes =
    text.length * 3 <= API_LIMIT_GUESSES.payloadBytes ? 0 : new TextEncoder().encode(text).length;
  if (bytes > API_LIMIT_GUESSES.payloadBytes) {
    report({
      severity: 'warning',
      code: C.API_LIMIT,
      message:
        `the flow is ${bytes.toLocaleString('en')} bytes as JSON; the emulator refuses ` +
        `more than ${API_LIMIT_GUESSES.payloadBytes.toLocaleString('en')} (the API's limit is ` +
        `not documented)`,
      hint: 'Move large texts out of the flow (a record, an asset) or split the flow.',
    });
  }
  if (typeof json.name === 'string') checkName(json.name, ['name'], report);
  const visit = (list: readonly FlowStep[], at: (string | number)[]) =>
    list.forEach((step, index) => {
      const here = [...at, index];
      checkName(step.name, [...here, 'name'], report);
      const depth = depthOf(step.config, API_LIMIT_GUESSES.configDepth + 1);
      if (depth > API_LIMIT_GUESSES.configDepth) {
        report({
          severity: 'warning',
          code: C.API_LIMIT,
          message:
            `the step config is nested more than ${API_LIMIT_GUESSES.configDepth} levels ` +
            `deep; the emulator refuses that (the API's limit is not documented)`,
          path: [...here, 'config'],
        });
      }
      for (const branch of ['trueSteps', 'falseSteps'] as const) {
        const nested = step.config[branch];
        if (step.type === 'conditional' && Array.isArray(nested))
          visit(nested as unknown as FlowStep[], [...here, 'config', branch]);
      }
    });
  visit(steps, ['steps']);
}

// --- internal ---

function checkName(name: string, path: (string | number)[], report: ReportDiagnostic): void {
  if (name.length <= API_LIMIT_GUESSES.nameLength) return;
  report({
    severity: 'warning',
    code: C.API_LIMIT,
    message:
      `the name is ${name.length.toLocaleString('en')} characters; names longer than ` +
      `${API_LIMIT_GUESSES.nameLength} may be refused (the API's limit is not documented)`,
    path,
  });
}

/**
 * Depth of nested objects/arrays (the value itself is level 1), counting no further than `stop`.
 */
function depthOf(value: JsonValue, stop: number): number {
  if (value === null || typeof value !== 'object' || stop === 0) return 0;
  const items: JsonValue[] = Array.isArray(value) ? value : Object.values(value);
  let deepest = 0;
  for (const item of items) deepest = Math.max(deepest, depthOf(item, stop - 1));
  return deepest + 1;
}
