/** Route handlers: pure functions of (store, request) -> reply. No node:http in here. */
import { CREATE_STATUS, DELETE_STATUS, ERROR_CODES } from './assumptions.js';
import { errorBody } from './http-util.js';
import { parseListQuery } from './pagination.js';
import { allVersions, renderFlow, renderSummary, renderVersion, renderVersionSummary } from './render.js';
import type { FlowStore } from './store.js';
import { InputError, validateCreate, validateUpdate } from './validate.js';

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface HandlerContext {
  store: FlowStore;
  /** Server base URL without /v1, for dashboardUrl. */
  baseUrl: string;
  query: URLSearchParams;
  /** Parsed JSON body ({} when the request had none). */
  body: unknown;
  /** Decoded path parameters, in order. */
  params: readonly string[];
}

export type Handler = (ctx: HandlerContext) => Reply;

export function flowNotFound(id: string): Reply {
  return { status: 404, body: errorBody(ERROR_CODES.notFound, `Flow ${id} not found`, { id }) };
}

function param(ctx: HandlerContext, index: number): string {
  return ctx.params[index] ?? '';
}

export const listFlows: Handler = (ctx) => {
  const { page, pagination } = ctx.store.list(parseListQuery(ctx.query));
  return { status: 200, body: { data: page.map(renderSummary), pagination } };
};

export const createFlow: Handler = (ctx) => {
  const flow = ctx.store.create(validateCreate(ctx.body));
  return { status: CREATE_STATUS, body: renderFlow(flow, ctx.baseUrl) };
};

export const getFlow: Handler = (ctx) => {
  const id = param(ctx, 0);
  const flow = ctx.store.get(id);
  return flow === undefined ? flowNotFound(id) : { status: 200, body: renderFlow(flow, ctx.baseUrl) };
};

export const updateFlow: Handler = (ctx) => {
  const id = param(ctx, 0);
  if (ctx.store.get(id) === undefined) return flowNotFound(id);
  const flow = ctx.store.update(id, validateUpdate(ctx.body));
  if (flow === undefined) return flowNotFound(id);
  return { status: 200, body: { ...renderFlow(flow, ctx.baseUrl), draftVersionId: flow.draft?.id } };
};

export const deleteFlow: Handler = (ctx) => {
  const id = param(ctx, 0);
  if (!ctx.store.delete(id)) return flowNotFound(id);
  return { status: DELETE_STATUS, body: { success: true, message: `Flow ${id} has been deleted.` } };
};

export const publishFlow: Handler = (ctx) => {
  const id = param(ctx, 0);
  const result = ctx.store.publish(id);
  if (!result.ok) {
    if (result.reason === 'not-found') return flowNotFound(id);
    return {
      status: 400,
      body: errorBody(ERROR_CODES.nothingToPublish, `Flow ${id} has no draft changes to publish`, { id }),
    };
  }
  const { version } = result;
  return {
    status: 200,
    body: {
      success: true,
      message: `Flow draft version ${version.versionNumber} has been successfully published.`,
      publishedVersionId: version.id,
    },
  };
};

export const listVersions: Handler = (ctx) => {
  const id = param(ctx, 0);
  const flow = ctx.store.get(id);
  if (flow === undefined) return flowNotFound(id);
  const type = ctx.query.get('type');
  if (type !== null && type !== 'draft' && type !== 'published') {
    throw new InputError('type', 'type must be draft or published');
  }
  const versions = allVersions(flow).filter((v) => type === null || v.versionType === type);
  return {
    status: 200,
    body: { flowId: flow.id, publishedVersionId: flow.publishedVersionId, versions: versions.map(renderVersionSummary) },
  };
};

export const getPublishedVersion: Handler = (ctx) => {
  const id = param(ctx, 0);
  const flow = ctx.store.get(id);
  if (flow === undefined) return flowNotFound(id);
  const version = flow.versions.find((v) => v.id === flow.publishedVersionId);
  if (version === undefined) {
    return { status: 404, body: errorBody(ERROR_CODES.notFound, `Flow ${id} has no published version`, { id }) };
  }
  return { status: 200, body: renderVersion(flow.id, version) };
};

export const getVersion: Handler = (ctx) => {
  const id = param(ctx, 0);
  const versionId = param(ctx, 1);
  const flow = ctx.store.get(id);
  if (flow === undefined) return flowNotFound(id);
  const version = allVersions(flow).find((v) => v.id === versionId);
  if (version === undefined) {
    return { status: 404, body: errorBody(ERROR_CODES.notFound, `Version ${versionId} not found`, { id, versionId }) };
  }
  return { status: 200, body: renderVersion(flow.id, version) };
};
