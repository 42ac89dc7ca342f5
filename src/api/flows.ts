import type { z } from 'zod';
import { InternalError } from '../errors.js';
import {
  FlowDtoSchema,
  FlowListPageDtoSchema,
  FlowVersionsDtoSchema,
  PublishResultDtoSchema,
  UpdatedFlowDtoSchema,
  type FlowDto,
  type FlowListPageDto,
  type FlowSummaryDto,
  type FlowWriteDto,
  type ListFlowsPageOptions,
  type PublishResultDto,
  type UpdatedFlowDto,
} from './dto.js';
import { badResponseError } from './failure-errors.js';
import type { ApiResponse, Transport } from './transport.js';

/**
 * [infer] The field PUT /v1/flows/:id takes the complete step list in. The
 * reference lists only `flowSteps` for PUT (create accepts `steps` as an
 * alias); if the live API turns out to want `steps`, change it here only.
 */
export const UPDATE_STEPS_FIELD = 'flowSteps';

/**
 * [infer] How the versions list says "what is live is the latest content": a
 * published version exists and no version is a pending `draft` (PUT writes a
 * draft; publish promotes it). Used to settle a publish whose answer was lost,
 * or one refused because there was nothing left to publish.
 */
export const DRAFT_VERSION_TYPE = 'draft';

export interface PublishState {
  publishedVersionId: string | undefined;
  /** A draft newer than the published version is waiting. */
  draftPending: boolean;
}

export const LIST_PAGE_SIZE = 100;
/** A runaway cursor loop must end; 1,000 pages of 100 is far beyond any account. */
const MAX_PAGES = 1000;

export interface FlowsApi {
  listFlowsPage(options?: ListFlowsPageOptions): Promise<FlowListPageDto>;
  listFlows(): Promise<FlowSummaryDto[]>;
  findFlowsByName(name: string): Promise<FlowSummaryDto[]>;
  getFlow(id: string): Promise<FlowDto>;
  createFlow(body: FlowWriteDto): Promise<FlowDto>;
  updateFlow(id: string, body: FlowWriteDto): Promise<UpdatedFlowDto>;
  deleteFlow(id: string): Promise<void>;
  publishFlow(id: string): Promise<PublishResultDto>;
  getPublishState(id: string): Promise<PublishState>;
}

export function createFlowsApi(transport: Transport): FlowsApi {
  async function fetchPage(options: ListFlowsPageOptions): Promise<{ page: FlowListPageDto; response: ApiResponse }> {
    const query = { limit: String(options.limit ?? LIST_PAGE_SIZE), cursor: options.cursor, search: options.search };
    const response = await transport.send({ method: 'GET', path: '/flows', query });
    return { page: parse(FlowListPageDtoSchema, response), response };
  }

  /** Every page, following `nextCursor` while `hasMore`: callers decide adoption and pruning from it. */
  async function listAll(search: string | undefined): Promise<FlowSummaryDto[]> {
    const flows: FlowSummaryDto[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let pageNumber = 1; ; pageNumber += 1) {
      const { page: result, response } = await fetchPage({ cursor, search, limit: LIST_PAGE_SIZE });
      flows.push(...result.data);
      if (result.pagination?.hasMore !== true) return flows;
      const next = result.pagination.nextCursor;
      // A partial list would make flows look deleted; fail instead of returning it.
      if (next == null || next === '' || seen.has(next)) {
        throw badResponseError(response.ctx, response.status, 'hasMore is true but nextCursor is missing or repeats');
      }
      if (pageNumber === MAX_PAGES) throw badResponseError(response.ctx, response.status, `more than ${MAX_PAGES} pages of flows`);
      seen.add(next);
      cursor = next;
    }
  }

  return {
    listFlowsPage: async (options = {}) => (await fetchPage(options)).page,
    listFlows: () => listAll(undefined),
    async findFlowsByName(name) {
      // `search` is a substring match (and may ignore case): keep exact matches only.
      const candidates = await listAll(name);
      return candidates.filter((flow) => flow.name === name);
    },
    async getFlow(id) {
      return parse(FlowDtoSchema, await transport.send({ method: 'GET', path: flowPath(id) }));
    },
    async createFlow(body) {
      // The documented curl example sends `steps`; never send both aliases.
      const payload = { name: body.name, description: body.description, steps: body.steps };
      return parse(FlowDtoSchema, await transport.send({ method: 'POST', path: '/flows', body: payload }));
    },
    async updateFlow(id, body) {
      const payload = { name: body.name, description: body.description, [UPDATE_STEPS_FIELD]: body.steps };
      return parse(UpdatedFlowDtoSchema, await transport.send({ method: 'PUT', path: flowPath(id), body: payload }));
    },
    async deleteFlow(id) {
      // The delete response is undocumented (200 JSON or 204): any 2xx will do.
      await transport.send({ method: 'DELETE', path: flowPath(id) });
    },
    async publishFlow(id) {
      const response = await transport.send({ method: 'POST', path: `${flowPath(id)}/publish`, body: {} });
      return parse(PublishResultDtoSchema, response);
    },
    async getPublishState(id) {
      const versions = parse(FlowVersionsDtoSchema, await transport.send({ method: 'GET', path: `/flow-versions/${encodeURIComponent(nonEmpty(id))}` }));
      return { publishedVersionId: versions.publishedVersionId, draftPending: versions.versions.some((v) => v.versionType === DRAFT_VERSION_TYPE) };
    },
  };
}

// --- internal ---

function flowPath(id: string): string {
  return `/flows/${encodeURIComponent(nonEmpty(id))}`;
}

function nonEmpty(id: string): string {
  // An empty id would turn GET /flows/:id into the list endpoint, DELETE into who-knows.
  if (id === '') throw new InternalError('flow id must not be empty');
  return id;
}

function parse<S extends z.ZodType>(schema: S, response: ApiResponse): z.infer<S> {
  const result = schema.safeParse(response.body);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  throw badResponseError(response.ctx, response.status, problems.join('; '));
}
