import type { JsonValue } from '../errors.js';
import type { Flow, FlowStep } from '../model/index.js';

/**
 * The canonical API payload of a flow: exactly what create/update send and
 * what the content hash covers. The flow `key`, declared `inputs` and lint
 * settings are local and never part of it.
 */
/** A step as sent: the normalised model step is already exactly the API's step shape. */
export type StepPayload = FlowStep;

export interface FlowPayload {
  name: string;
  description?: string;
  steps: StepPayload[];
}

export function toFlowPayload(flow: Flow): FlowPayload {
  return {
    name: flow.name,
    ...(flow.description === undefined ? {} : { description: flow.description }),
    steps: flow.steps.map((s) => ({
      id: s.id,
      name: s.name,
      type: s.type,
      order: s.order,
      enabled: s.enabled,
      config: s.config,
      ...(s.when === undefined ? {} : { when: s.when }),
    })),
  };
}

/** What the API returns for a flow, as far as the payload is concerned. */
export interface RemoteFlowShape {
  name: string;
  description?: string | null;
  flowSteps?: readonly {
    id: string;
    name?: string | null;
    type: string;
    order?: number | null;
    enabled?: boolean | null;
    config?: Record<string, unknown> | null;
    when?: string | null;
  }[];
}

/**
 * Normalises a remote flow to payload form so it can be hashed against what
 * the tool wrote: server defaults (null description, missing `enabled`) map
 * to what we would have sent, and steps are ordered by `order`.
 */
export function fromRemoteFlow(remote: RemoteFlowShape): FlowPayload {
  const steps = [...(remote.flowSteps ?? [])]
    .map((s, index) => ({
      id: s.id,
      name: s.name ?? '',
      type: s.type,
      order: s.order ?? index + 1,
      enabled: s.enabled ?? true,
      config: (s.config ?? {}) as { [key: string]: JsonValue },
      ...(s.when ? { when: s.when } : {}),
    }))
    .sort((a, b) => a.order - b.order);
  return {
    name: remote.name,
    ...(remote.description === undefined || remote.description === null || remote.description === '' ? {} : { description: remote.description }),
    steps,
  };
}
