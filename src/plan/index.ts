export { canonicalJson, contentHash, descriptionHash } from './canonical.js';
export { diffFlows, type FieldChange, type FlowDiff, type StepDiff } from './flow-diff.js';
export { toFlowPayload, type FlowPayload, type StepPayload } from './payload.js';
export {
  readRemoteFlow,
  remoteMatchesCode,
  usesWhen,
  type RemoteFlow,
  type RemoteFlowShape,
  type RemoteStepShape,
} from './remote-flow.js';
export { hasPendingChanges, orphansByName, planChanges } from './plan-changes.js';
export {
  CHANGE_KINDS,
  type Change,
  type ChangeKind,
  type DesiredFlow,
  type Plan,
  type RemoteSnapshot,
  type TrackedFlow,
} from './types.js';
export {
  compareChangeRecords,
  recordChanges,
  type ChangeDifference,
  type ChangeRecord,
} from './change-records.js';
export { SAVED_PLAN_VERSION, SavedPlanSchema, type SavedPlan } from './saved-plan-format.js';
