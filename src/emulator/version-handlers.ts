/** Route handlers of /v1/flow-versions and /v1/flow-steps. */
import { VALIDATION_CODES as C } from './assumptions.js';
import { errorBody } from './error-body.js';
import { flowNotFound, param } from './handlers.js';
import type { Handler, Reply } from './handlers.js';
import { allVersions, renderFlowStep, renderVersion, renderVersionSummary } from './render.js';
import { isObject } from './validate.js';
import { InputError } from './validate.js';

export const listVersions: Handler = (ctx) => {
  const id = param(ctx, 0);
  const flow = ctx.store.get(id);
  if (flow === undefined) return flowNotFound(id);
  const type = ctx.query.get('type');
  const newestFirst = allVersions(flow).filter((v) => type === null || v.versionType === type);
  const versions = ctx.rules.versionsNewestFirst ? newestFirst : newestFirst.reverse();
  return {
    status: 200,
    body: {
      flowId: flow.id,
      publishedVersionId: flow.publishedVersionId,
      versions: versions.map(renderVersionSummary),
    },
  };
};

export const getPublishedVersion: Handler = (ctx) => {
  const id = param(ctx, 0);
  const flow = ctx.store.get(id);
  if (flow === undefined) return flowNotFound(id);
  const version = flow.versions.find((v) => v.id === flow.publishedVersionId);
  if (version !== undefined)
    return { status: 200, body: renderVersion(flow.id, version, ctx.rules) };
  const newest = allVersions(flow)[0];
  if (ctx.rules.publishedWhenNoneLive === 'not-found' || newest === undefined)
    return { status: 404, body: errorBody(`Flow ${id} has no published version`) };
  return { status: 200, body: { ...renderVersion(flow.id, newest, ctx.rules), flowConfig: null } };
};

export const getVersion: Handler = (ctx) => {
  const id = param(ctx, 0);
  const versionId = param(ctx, 1);
  const flow = ctx.store.get(id);
  if (flow === undefined) return flowNotFound(id);
  const version = allVersions(flow).find((v) => v.id === versionId);
  if (version !== undefined) {
    return { status: 200, body: renderVersion(flow.id, version, ctx.rules) };
  }
  if (ctx.store.flowOfVersion(versionId) !== undefined) {
    return { status: 400, body: errorBody(`Version ${versionId} does not belong to flow ${id}`) };
  }
  return versionNotFound(versionId);
};

/** POST /v1/flow-versions/{flowId}/publish { versionId }: rollback or roll forward. */
export const publishVersion: Handler = (ctx) => {
  const id = param(ctx, 0);
  const body = ctx.body;
  const versionId = isObject(body) ? body.versionId : undefined;
  if (typeof versionId !== 'string' || versionId.length === 0) {
    const code =
      versionId === undefined
        ? C.missing
        : typeof versionId === 'string'
          ? C.tooShort
          : C.invalidType;
    const suggestion = 'Send { "versionId": "<id from GET /v1/flow-versions/{flowId}>" }.';
    throw InputError.of(code, 'versionId', 'versionId is required: a non-empty string', suggestion);
  }
  const result = ctx.store.publishVersion(id, versionId);
  if (!result.ok)
    return result.reason === 'not-found' ? flowNotFound(id) : versionNotFound(versionId);
  return {
    status: 200,
    body: {
      success: true,
      message: `Version ${result.version.versionNumber} is now live.`,
      flowId: id,
      versionId: result.version.id,
    },
  };
};

export const listFlowSteps: Handler = (ctx) => {
  const id = param(ctx, 0);
  const flow = ctx.store.get(id);
  if (flow === undefined) return flowNotFound(id);
  const data = [...flow.steps]
    .sort((a, b) => a.order - b.order)
    .map((step) => renderFlowStep(flow, step));
  return { status: 200, body: { data, flowId: flow.id, flowName: flow.name } };
};

// --- internal ---

function versionNotFound(versionId: string): Reply {
  return { status: 404, body: errorBody(`Version ${versionId} not found`) };
}
