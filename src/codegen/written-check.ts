import { parseFlow, type Diagnostic } from '../model/index.js';
import { contentHash, toFlowPayload, type FlowPayload } from '../plan/index.js';
import { flowValue } from './flow-value.js';
import type { WrittenFlow } from './written-flow.js';

/**
 * What `validate` will say of the pulled flow, and the content hash its code
 * will have (what the lock state records as `hash`), computed from the very
 * value the module evaluates to — no need to import the file just written.
 */
export function checkWritten(
  flow: WrittenFlow,
  options: { file?: string; extraStepTypes?: readonly string[] } = {},
): { hash?: string; payload?: FlowPayload; diagnostics: Diagnostic[] } {
  const result = parseFlow(flowValue(flow), options);
  if (!result.flow) return { diagnostics: result.diagnostics };
  const payload = toFlowPayload(result.flow);
  return { hash: contentHash(payload), payload, diagnostics: result.diagnostics };
}
