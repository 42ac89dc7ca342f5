import type { Flow, FlowStep } from '../model/index.js';

/**
 * The canonical API payload of a flow: exactly what create sends (update
 * sends it without `description`). The content hash covers all of it but
 * `description` (see canonical.ts). The flow `key`, declared `inputs` and
 * lint settings are local and never part of it.
 */
/** A step as sent: the normalised model step is already exactly the API's step shape. */
export type StepPayload = FlowStep;

export interface FlowPayload {
  name: string;
  /** Sent on create only: the documented PUT has no such field and no response returns it. */
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
