/** Stored records -> the JSON shapes the API answers with (exactly the documented fields). */
import { DASHBOARD_PATH, ORGANIZATION_ID, stepSummary, versionFlowConfig } from './assumptions.js';
import type {
  FlowDto,
  FlowSummaryDto,
  StepDto,
  StoredFlow,
  StoredStep,
  StoredVersion,
} from './types.js';

/** A step of a flow response: no `when` (only GET /v1/flow-steps/flow/{id} returns it). */
export function renderStep(step: StoredStep): StepDto {
  const { id, type, name, order, enabled, config } = step;
  return { id, type, name, order, enabled, config };
}

export function renderFlow(flow: StoredFlow, baseUrl: string): FlowDto {
  return {
    id: flow.id,
    name: flow.name,
    flowSteps: flow.steps.map(renderStep),
    stepCount: flow.steps.length,
    createdAt: flow.createdAt,
    updatedAt: flow.updatedAt,
    lastRunAt: flow.lastRunAt,
    userId: flow.userId,
    organizationId: ORGANIZATION_ID,
    dashboardUrl: baseUrl + DASHBOARD_PATH + flow.id,
    sampleMetadata: {},
  };
}

export function renderSummary(flow: StoredFlow): FlowSummaryDto {
  const { id, name, createdAt, updatedAt, lastRunAt } = flow;
  return { id, name, createdAt, updatedAt, lastRunAt };
}

/** An item of GET /v1/flow-steps/flow/{flowId} (the document types its timestamps as null). */
export function renderFlowStep(flow: StoredFlow, step: StoredStep): Record<string, unknown> {
  const item: Record<string, unknown> = {
    ...renderStep(step),
    flowId: flow.id,
    userId: flow.userId,
    createdAt: null,
    updatedAt: null,
  };
  if (step.when !== undefined) item.when = step.when;
  return item;
}

export function renderVersionSummary(version: StoredVersion): Record<string, unknown> {
  return {
    id: version.id,
    versionNumber: version.versionNumber,
    versionType: version.versionType,
    label: version.label,
    notes: version.notes,
    stepSummary: stepSummary(version.steps.map((s) => s.type)),
    stepCount: version.steps.length,
    createdAt: version.createdAt,
  };
}

/** GET /v1/flow-versions/{flowId}/published and /{versionId}. */
export function renderVersion(flowId: string, version: StoredVersion): Record<string, unknown> {
  return {
    id: version.id,
    flowId,
    versionNumber: version.versionNumber,
    versionType: version.versionType,
    flowConfig: versionFlowConfig(version.name, version.steps.map(requestShaped)),
    label: version.label,
    notes: version.notes,
    createdAt: version.createdAt,
  };
}

/** Every version of a flow, newest first (by number: the pending draft is always the newest). */
export function allVersions(flow: StoredFlow): StoredVersion[] {
  const versions = [...flow.versions].reverse();
  if (flow.draft !== null) versions.unshift(flow.draft);
  return versions;
}

// --- internal ---

/** A step as a client sends it (with `when`), for a version's flowConfig. */
function requestShaped(step: StoredStep): StepDto & { when?: string } {
  return step.when === undefined ? renderStep(step) : { ...renderStep(step), when: step.when };
}
