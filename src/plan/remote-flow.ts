import type { JsonValue } from '../errors.js';
import { contentHash } from './canonical.js';
import type { FlowPayload, StepPayload } from './payload.js';

/**
 * A remote flow as the documented responses carry it. A response step needs
 * only `id` and `type`; `when` is in no flow response, only in GET
 * /v1/flow-steps/flow/:id; no response carries `description`. plan/ keeps its
 * own shape because it is pure and may not import api/: api's FlowDto (zod-parsed)
 * satisfies it structurally, as apply's RemoteFlowDto (this plus the id) does.
 */
export interface RemoteFlowShape {
  name: string;
  flowSteps?: readonly RemoteStepShape[];
}

export interface RemoteStepShape {
  id: string;
  type: string;
  name?: string | null;
  order?: number | null;
  enabled?: boolean | null;
  config?: Record<string, unknown> | null;
}

/** Step fields a response may leave out; `when` is left out of every flow response. */
type OptionalStepField = 'name' | 'order' | 'enabled' | 'config' | 'when';

/** What the plan knows of one remote flow. */
export interface RemoteFlow {
  /** In payload form, server defaults filled in where a field was left out: what a diff shows. */
  payload: FlowPayload;
  /**
   * Hash of the flow response alone (defaults filled, never `when`): the drift
   * baseline the lock state keeps as `remoteHash`, comparable across reads
   * as long as the server leaves out the same fields each time.
   */
  stateHash: string;
  /** Per step id, the fields the responses did not carry: never compared. */
  unknown: ReadonlyMap<string, readonly OptionalStepField[]>;
}

/**
 * Reads a flow response, and the flow-steps response when the plan needed the
 * steps' `when` (without it, `when` is unknown for every step).
 */
export function readRemoteFlow(
  remote: RemoteFlowShape,
  stepsWithWhen?: readonly { id: string; when?: string | null }[],
): RemoteFlow {
  const whens = stepsWithWhen && new Map(stepsWithWhen.map((s) => [s.id, s.when ?? undefined]));
  const unknown = new Map<string, OptionalStepField[]>();
  const steps = (remote.flowSteps ?? []).map((s, index): StepPayload => {
    const missing: OptionalStepField[] = [];
    if (s.name == null) missing.push('name');
    if (s.order == null) missing.push('order');
    if (s.enabled == null) missing.push('enabled');
    if (s.config == null) missing.push('config');
    if (whens === undefined || !whens.has(s.id)) missing.push('when');
    if (missing.length > 0) unknown.set(s.id, missing);
    const when = whens?.get(s.id);
    return {
      id: s.id,
      name: s.name ?? '',
      type: s.type,
      order: s.order ?? index + 1,
      enabled: s.enabled ?? true,
      config: (s.config ?? {}) as { [key: string]: JsonValue },
      // An empty `when` is a value the API keeps (and the code may have): not the same as none.
      ...(when === undefined ? {} : { when }),
    };
  });
  steps.sort((a, b) => a.order - b.order);
  const withoutWhen = steps.map(({ when: _when, ...step }) => step);
  return {
    payload: { name: remote.name, steps },
    stateHash: contentHash({ name: remote.name, steps: withoutWhen }),
    unknown,
  };
}

/**
 * The remote flow with every field it did not carry taken from the code (by
 * step id): what "the remote equals the code" compares, and what a diff shows
 * — a field absent from a response is neither compared nor shown as changed.
 */
export function remoteAgainstCode(remote: RemoteFlow, code: FlowPayload): FlowPayload {
  if (remote.unknown.size === 0) return remote.payload;
  const codeSteps = new Map(code.steps.map((s) => [s.id, s]));
  const steps = remote.payload.steps.map((step) => {
    const fields = remote.unknown.get(step.id);
    const fallback = codeSteps.get(step.id);
    if (fields === undefined || fallback === undefined) return step;
    const merged: StepPayload = { ...step };
    for (const field of fields) assignField(merged, fallback, field);
    return merged;
  });
  steps.sort((a, b) => a.order - b.order);
  return { ...remote.payload, steps };
}

/** Whether the remote flow holds what the code says, on every field the responses carried. */
export function remoteMatchesCode(
  remote: RemoteFlow,
  code: FlowPayload,
  codeHash = contentHash(code),
): boolean {
  return contentHash(remoteAgainstCode(remote, code)) === codeHash;
}

/** Whether the code has a step `when`, which only GET /v1/flow-steps can compare. */
export function usesWhen(payload: FlowPayload): boolean {
  return payload.steps.some((step) => step.when !== undefined);
}

// --- internal ---

function assignField(target: StepPayload, source: StepPayload, field: OptionalStepField): void {
  if (field === 'when') {
    if (source.when === undefined) delete target.when;
    else target.when = source.when;
    return;
  }
  (target as unknown as Record<string, unknown>)[field] = source[field];
}
