import type { LoadedFlow } from '../load/project/load-project.js';
import { contentHash, toFlowPayload, type DesiredFlow } from '../plan/index.js';

/** Code-side flows in the form the planner compares: canonical payload plus its hash. */
export function toDesiredFlows(flows: readonly LoadedFlow[]): DesiredFlow[] {
  return flows.map(({ flow, file }) => {
    const payload = toFlowPayload(flow);
    return { key: flow.key, payload, hash: contentHash(payload), file };
  });
}
