/** Stored records -> the JSON shapes the API answers with (exactly the documented fields). */
import { DASHBOARD_PATH, DRAFT_VERSION_TYPE, ORGANIZATION_ID, stepSummary } from './assumptions.js';
import type { ReadingRules } from './readings.js';
import type {
  FlowDto,
  FlowSummaryDto,
  StepDto,
  StoredFlow,
  StoredStep,
  StoredVersion,
} from './types.js';

/**
 * A step of a flow response: no `when` (only GET /v1/flow-steps/flow/{id} returns it), and no
 * `config` that is not an object (responses type it as one; assumptions.ts).
 */
export function renderStep(step: StoredStep): StepDto {
  const { id, type, name, order, enabled, config } = step;
  return step.rawConfig === undefined
    ? { id, type, name, order, enabled, config }
    : { id, type, name, order, enabled };
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
    config: step.config,
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
export function renderVersion(
  flowId: string,
  version: StoredVersion,
  rules: ReadingRules,
): Record<string, unknown> {
  return {
    id: version.id,
    flowId,
    versionNumber: version.versionNumber,
    versionType: version.versionType,
    flowConfig: flowConfigOf(version, rules),
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

/**
 * A version's content as each reading shapes it (assumptions.ts, OPEN_POINTS): the flow it
 * froze, steps as sent; or `{ steps }` as a flow response has them, and null for a draft.
 */
function flowConfigOf(version: StoredVersion, rules: ReadingRules): Record<string, unknown> | null {
  if (rules.versionConfig === 'request-shaped') {
    return { name: version.name, flowSteps: version.steps.map(requestShaped) };
  }
  return version.versionType === DRAFT_VERSION_TYPE
    ? null
    : { steps: version.steps.map(renderStep) };
}

/** A step as a client sends it (config as sent, with `when`), for a version's flowConfig. */
function requestShaped(step: StoredStep): Record<string, unknown> {
  const { id, type, name, order, enabled, when } = step;
  const config = step.rawConfig === undefined ? step.config : step.rawConfig;
  return when === undefined
    ? { id, type, name, order, enabled, config }
    : { id, type, name, order, enabled, config, when };
}
