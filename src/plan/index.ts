export { contentHash, stableStringify } from './canonical.js';
export { diffFlows, isEmptyDiff, type FieldChange, type FlowDiff, type StepDiff } from './flow-diff.js';
export { fromRemoteFlow, toFlowPayload, type FlowPayload, type RemoteFlowShape, type StepPayload } from './payload.js';
export { hasPendingChanges, planChanges, type PlanInput } from './plan-changes.js';
export { CHANGE_KINDS, type Change, type ChangeKind, type DesiredFlow, type Plan, type RemoteSnapshot, type TrackedFlow } from './types.js';
