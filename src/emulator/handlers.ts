/**
 * Route handlers of /v1/flows: pure functions of (store, request) -> reply. No node:http in here.
 */
import { ERROR_DETAIL_CODES } from './assumptions.js';
import { errorBody } from './error-body.js';
import { parseListQuery } from './pagination.js';
import type { ReadingRules } from './readings.js';
import { renderFlow, renderSummary } from './render.js';
import type { FlowStore } from './store.js';
import { validateCreate, validateUpdate } from './validate.js';

export interface Reply {
  status: number;
  /** Undefined for a reply without a body (204). */
  body?: unknown;
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
  /** The step types accepted: the API's list plus the emulator's `extraStepTypes`. */
  stepTypes: ReadonlySet<string>;
  /** The request carried the right key (only public routes are reached without one). */
  authenticated: boolean;
  /** How the open points of the document are answered (the emulator's reading). */
  rules: ReadingRules;
}

export type Handler = (ctx: HandlerContext) => Reply;

export function flowNotFound(id: string): Reply {
  return { status: 404, body: errorBody(`Flow ${id} not found`) };
}

export function param(ctx: HandlerContext, index: number): string {
  return ctx.params[index] ?? '';
}

export const listFlows: Handler = (ctx) => {
  const { page, pagination } = ctx.store.list(parseListQuery(ctx.query, ctx.rules.maxListLimit));
  return { status: 200, body: { data: page.map(renderSummary), pagination } };
};

export const createFlow: Handler = (ctx) => {
  const flow = ctx.store.create(validateCreate(ctx.body, ctx.stepTypes));
  return { status: 201, body: renderFlow(flow, ctx.baseUrl) };
};

export const getFlow: Handler = (ctx) => {
  const id = param(ctx, 0);
  const flow = ctx.store.get(id);
  return flow === undefined
    ? flowNotFound(id)
    : { status: 200, body: renderFlow(flow, ctx.baseUrl) };
};

export const updateFlow: Handler = (ctx) => {
  const id = param(ctx, 0);
  if (ctx.store.get(id) === undefined) return flowNotFound(id);
  const flow = ctx.store.update(id, validateUpdate(ctx.body, ctx.stepTypes));
  if (flow?.draft == null) return flowNotFound(id);
  return { status: 200, body: { ...renderFlow(flow, ctx.baseUrl), draftVersionId: flow.draft.id } };
};

/** A documented operation the emulator does not implement (NOT_IMPLEMENTED_ROUTES). */
export function notImplemented(operation: string): Handler {
  return () => ({
    status: 501,
    body: errorBody(`Not implemented by the emulator: ${operation} (the Runtype API has it)`),
  });
}

export const deleteFlow: Handler = (ctx) => {
  const id = param(ctx, 0);
  return ctx.store.delete(id) ? { status: 204 } : flowNotFound(id);
};

export const publishFlow: Handler = (ctx) => {
  const id = param(ctx, 0);
  const result = ctx.store.publish(id);
  if (!result.ok) {
    if (result.reason === 'not-found') return flowNotFound(id);
    const message =
      `Flow ${id} has no draft version to publish ` + '(nothing changed since the last publish)';
    return {
      status: 404,
      body: errorBody(message, [{ code: ERROR_DETAIL_CODES.noDraft, message }]),
    };
  }
  const { version } = result;
  return {
    status: 200,
    body: {
      success: true,
      publishedVersionId: version.id,
      message: `Flow draft version ${version.versionNumber} has been successfully published.`,
    },
  };
};
