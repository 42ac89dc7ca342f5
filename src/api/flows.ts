import type { z } from 'zod';
import { InternalError } from '../errors.js';
import {
  FlowDtoSchema,
  FlowListPageDtoSchema,
  FlowStepsDtoSchema,
  FlowVersionDtoSchema,
  FlowVersionsDtoSchema,
  PublishResultDtoSchema,
  PublishVersionResultDtoSchema,
  UpdatedFlowDtoSchema,
  ValidationResultDtoSchema,
  type FlowDto,
  type FlowListPageDto,
  type FlowStepsDto,
  type FlowSummaryDto,
  type FlowVersionDto,
  type FlowVersionsDto,
  type FlowWriteDto,
  type ListFlowsPageOptions,
  type PublishResultDto,
  type PublishVersionResultDto,
  type UpdatedFlowDto,
  type ValidationResultDto,
} from './dto.js';
import { API_ERROR_CODES, ApiError, isApiError } from './errors.js';
import { badResponseError } from './failure-errors.js';
import { LIST_PAGE_SIZE } from './guesses.js';
import type { RetryInfo } from './options.js';
import type { ApiRequest, ApiResponse, Transport } from './transport.js';
import { liveIsCurrent } from './version-list.js';

export interface PublishState {
  publishedVersionId: string | undefined;
  /**
   * The live version is not the flow's current content: a newer version exists (a pending
   * draft, or a version published after it and moved back from). See api/version-list.ts.
   */
  draftPending: boolean;
}

export interface FlowsApiOptions {
  /** Told when a request is made again in another form (`limit` refused): `--verbose` says so. */
  onRetry?: ((info: RetryInfo) => void) | undefined;
}

/** A runaway cursor loop must end; 1,000 pages of 100 is far beyond any account. */
const MAX_PAGES = 1000;

/** The flows endpoints of openapi/runtype-flows.openapi.json, one method each. */
export interface FlowsApi {
  listFlowsPage(options?: ListFlowsPageOptions): Promise<FlowListPageDto>;
  listFlows(): Promise<FlowSummaryDto[]>;
  findFlowsByName(name: string): Promise<FlowSummaryDto[]>;
  getFlow(id: string): Promise<FlowDto>;
  /** GET /v1/flow-steps/flow/:id: the steps with their `when`, which flow responses leave out. */
  getFlowSteps(id: string): Promise<FlowStepsDto>;
  createFlow(body: FlowWriteDto): Promise<FlowDto>;
  /** Sends `name` and `flowSteps` only: the documented PUT has no `description`. */
  updateFlow(id: string, body: FlowWriteDto): Promise<UpdatedFlowDto>;
  deleteFlow(id: string): Promise<void>;
  /** Publishes the pending draft; 404 when there is none (or no such flow). */
  publishFlow(id: string): Promise<PublishResultDto>;
  listVersions(id: string): Promise<FlowVersionsDto>;
  getVersion(id: string, versionId: string): Promise<FlowVersionDto>;
  getPublishedVersion(id: string): Promise<FlowVersionDto>;
  /** Makes a given version live (rollback, roll forward). */
  publishVersion(id: string, versionId: string): Promise<PublishVersionResultDto>;
  getPublishState(id: string): Promise<PublishState>;
  /** POST /v1/public/flows/validate: the server's checks, nothing written. */
  validateFlow(body: Pick<FlowWriteDto, 'name' | 'steps'>): Promise<ValidationResultDto>;
}

export function createFlowsApi(transport: Transport, options: FlowsApiOptions = {}): FlowsApi {
  /** Cleared for the client's lifetime once the server refuses `limit` (api/guesses.ts). */
  let sendLimit = true;

  async function fetchPage(page: ListFlowsPageOptions) {
    const query = (limit: boolean): ApiRequest['query'] => ({
      ...(limit ? { limit: String(page.limit ?? LIST_PAGE_SIZE) } : {}),
      cursor: page.cursor,
      search: page.search,
    });
    let response: ApiResponse;
    try {
      response = await transport.send({ method: 'GET', path: '/flows', query: query(sendLimit) });
    } catch (error) {
      // `limit` is a guess (no maximum documented): a 400 for it must not stop every command.
      if (!sendLimit || !isApiError(error, API_ERROR_CODES.validation)) throw error;
      sendLimit = false;
      options.onRetry?.({
        method: 'GET',
        path: typeof error.meta?.path === 'string' ? error.meta.path : '/v1/flows',
        attempt: 2,
        delayMs: 0,
        reason: 'HTTP 400 with `limit`: asking again without it, and leaving it out from now on',
      });
      response = await transport.send({ method: 'GET', path: '/flows', query: query(false) });
    }
    return { page: parse(FlowListPageDtoSchema, response), response };
  }

  /**
   * Every page, following `nextCursor` while `hasMore`: callers decide adoption and pruning from
   * it.
   */
  async function listAll(search: string | undefined): Promise<FlowSummaryDto[]> {
    const flows: FlowSummaryDto[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let pageNumber = 1; ; pageNumber += 1) {
      const { page, response } = await fetchPage({ cursor, search, limit: LIST_PAGE_SIZE });
      flows.push(...page.data);
      if (!page.pagination.hasMore) return flows;
      const next = page.pagination.nextCursor;
      // A partial list would make flows look deleted; fail instead of returning it.
      if (next == null || next === '' || seen.has(next)) {
        const problem = 'hasMore is true but nextCursor is missing or repeats';
        throw badResponseError(response.ctx, response.status, problem);
      }
      if (pageNumber === MAX_PAGES) {
        throw badResponseError(
          response.ctx,
          response.status,
          `more than ${MAX_PAGES} pages of flows`,
        );
      }
      seen.add(next);
      cursor = next;
    }
  }

  const get = async <S extends z.ZodType>(schema: S, path: string) =>
    parse(schema, await transport.send({ method: 'GET', path }));
  const post = async <S extends z.ZodType>(schema: S, path: string, body: unknown) =>
    parse(schema, await transport.send({ method: 'POST', path, body }));
  const versions = (id: string) => `/flow-versions/${segment(id)}`;

  return {
    listFlowsPage: async (options = {}) => (await fetchPage(options)).page,
    listFlows: () => listAll(undefined),
    async findFlowsByName(name) {
      const candidates = await listAll(name);
      return candidates.filter((flow) => flow.name === name);
    },
    getFlow: (id) => get(FlowDtoSchema, flowPath(id)),
    getFlowSteps: (id) => get(FlowStepsDtoSchema, `/flow-steps/flow/${segment(id)}`),
    createFlow: (body) =>
      // The documented example sends `steps` (an alias of `flowSteps`); never both.
      post(FlowDtoSchema, '/flows', {
        name: body.name,
        description: body.description,
        steps: body.steps,
      }),
    async updateFlow(id, body) {
      const payload = { name: body.name, flowSteps: body.steps };
      const response = await transport.send({ method: 'PUT', path: flowPath(id), body: payload });
      return parse(UpdatedFlowDtoSchema, response);
    },
    async deleteFlow(id) {
      // Documented as 204 without a body; any 2xx will do.
      await transport.send({ method: 'DELETE', path: flowPath(id) });
    },
    // The document gives publish no request body.
    async publishFlow(id) {
      const path = `${flowPath(id)}/publish`;
      return succeeded(await post(PublishResultDtoSchema, path, undefined), `POST ${path}`);
    },
    listVersions: (id) => get(FlowVersionsDtoSchema, versions(id)),
    getVersion: (id, versionId) =>
      get(FlowVersionDtoSchema, `${versions(id)}/${segment(versionId)}`),
    getPublishedVersion: (id) => get(FlowVersionDtoSchema, `${versions(id)}/published`),
    async publishVersion(id, versionId) {
      const path = `${versions(id)}/publish`;
      const body = { versionId: nonEmpty(versionId) };
      return succeeded(await post(PublishVersionResultDtoSchema, path, body), `POST ${path}`);
    },
    async getPublishState(id) {
      const list = await get(FlowVersionsDtoSchema, versions(id));
      return { publishedVersionId: list.publishedVersionId, draftPending: !liveIsCurrent(list) };
    },
    async validateFlow(body) {
      const payload = { name: body.name, flowSteps: body.steps };
      // It writes nothing: a 5xx or a lost connection is retried like a read, never "in doubt".
      const request = { method: 'POST', path: '/public/flows/validate', body: payload } as const;
      return parse(
        ValidationResultDtoSchema,
        await transport.send({ ...request, idempotent: true }),
      );
    },
  };
}

// --- internal ---

function flowPath(id: string): string {
  return `/flows/${segment(id)}`;
}

function segment(id: string): string {
  return encodeURIComponent(nonEmpty(id));
}

function nonEmpty(id: string): string {
  // An empty id would turn GET /flows/:id into the list endpoint, DELETE into who-knows.
  if (id === '') throw new InternalError('an id must not be empty');
  return id;
}

/**
 * A publish answered 200 whose required `success` is false did not happen (api/guesses.ts,
 * `publish-success`): an error, so nothing is recorded as live.
 */
function succeeded<T extends { success?: boolean | undefined; message?: string | undefined }>(
  answer: T,
  where: string,
): T {
  if (answer.success !== false) return answer;
  const because = answer.message === undefined ? '' : `: ${answer.message}`;
  throw new ApiError(API_ERROR_CODES.notDone, `${where} answered success: false${because}`, {
    status: 200,
    hint: 'Nothing is recorded as live; the next sync publishes it again.',
    meta: { where },
  });
}

function parse<S extends z.ZodType>(schema: S, response: ApiResponse): z.infer<S> {
  const result = schema.safeParse(response.body);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  throw badResponseError(response.ctx, response.status, problems.join('; '));
}
