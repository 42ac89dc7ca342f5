/** Stored records -> the JSON shapes the API answers with. */
import { DASHBOARD_PATH, ORGANIZATION_ID, versionFlowConfig } from './assumptions.js';
import type { FlowDto, FlowSummaryDto, StoredFlow, StoredVersion } from './types.js';

export function renderFlow(flow: StoredFlow, baseUrl: string): FlowDto {
  return {
    id: flow.id,
    name: flow.name,
    description: flow.description,
    status: flow.status,
    flowSteps: flow.steps as FlowDto['flowSteps'],
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
  return {
    id: flow.id,
    name: flow.name,
    description: flow.description,
    status: flow.status,
    createdAt: flow.createdAt,
    updatedAt: flow.updatedAt,
    lastRunAt: flow.lastRunAt,
    stepCount: flow.steps.length,
  };
}

export function renderVersionSummary(version: StoredVersion): Record<string, unknown> {
  return {
    id: version.id,
    versionNumber: version.versionNumber,
    versionType: version.versionType,
    label: version.label,
    notes: version.notes,
    stepCount: version.steps.length,
    stepSummary: version.steps.map((s) => ({ id: s.id, name: s.name, type: s.type })),
    createdAt: version.createdAt,
  };
}

/** GET /v1/flow-versions/:flowId/published and /:versionId. */
export function renderVersion(flowId: string, version: StoredVersion): Record<string, unknown> {
  return {
    id: version.id,
    flowId,
    versionNumber: version.versionNumber,
    versionType: version.versionType,
    flowConfig: versionFlowConfig(version.steps),
    label: version.label,
    notes: version.notes,
    createdAt: version.createdAt,
  };
}

/** Every version of a flow, newest first: the pending draft, then published ones. */
export function allVersions(flow: StoredFlow): StoredVersion[] {
  const versions = [...flow.versions].reverse();
  if (flow.draft !== null) versions.unshift(flow.draft);
  return versions;
}
