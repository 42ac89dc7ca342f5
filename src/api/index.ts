/** The Runtype REST client: DTOs in, DTOs out, typed errors. Knows nothing of flows-as-code. */
export { createApiClient, type ApiClient } from './client.js';
export type { ApiClientOptions, RetryOptions, RetryInfo } from './options.js';
export { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS } from './options.js';
export type { ProxyOptions } from './proxy.js';
export type { ApiStats } from './transport.js';
export type { FlowsApi, PublishState } from './flows.js';
export { LIST_PAGE_SIZE, DRAFT_VERSION_TYPE } from './guesses.js';
export { normalizeBaseUrl, isLoopbackHost, type BaseUrl } from './base-url.js';
export {
  FlowDtoSchema,
  FlowStepDtoSchema,
  FlowSummaryDtoSchema,
  FlowListPageDtoSchema,
  UpdatedFlowDtoSchema,
  PublishResultDtoSchema,
  FlowVersionsDtoSchema,
  FlowVersionDtoSchema,
  FlowStepsDtoSchema,
  ValidationResultDtoSchema,
  type FlowDto,
  type FlowStepDto,
  type FlowSummaryDto,
  type FlowListPageDto,
  type PaginationDto,
  type UpdatedFlowDto,
  type PublishResultDto,
  type FlowVersionsDto,
  type FlowVersionDto,
  type FlowVersionSummaryDto,
  type FlowStepsDto,
  type ValidationResultDto,
  type ValidationIssueDto,
  type PublishVersionResultDto,
  type FlowWriteDto,
  type FlowStepWriteDto,
  type ListFlowsPageOptions,
} from './dto.js';
export {
  API_ERROR_CODES,
  ApiError,
  ApiUnauthorizedError,
  ApiForbiddenError,
  ApiNotFoundError,
  ApiValidationError,
  ApiRateLimitedError,
  ApiServerError,
  ApiNetworkError,
  ApiAmbiguousWriteError,
  ApiBadResponseError,
  ApiAbortedError,
  InsecureUrlError,
  isApiError,
  type ApiErrorCode,
  type ApiErrorDetail,
  type ApiErrorOptions,
} from './errors.js';
