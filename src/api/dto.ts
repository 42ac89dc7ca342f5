import { z } from 'zod';

/**
 * Wire shapes of the Flows endpoints (runtype-api.md §2). Responses are parsed
 * leniently — loose objects keep fields the server adds — but the fields the
 * tool relies on are checked, so a surprising answer fails loudly
 * (API_BAD_RESPONSE) instead of corrupting a lockfile.
 */

const nullableString = z.string().nullish();

export const FlowStepDtoSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  config: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  order: z.number(),
  when: nullableString,
});
export type FlowStepDto = z.infer<typeof FlowStepDtoSchema>;

export const FlowDtoSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: nullableString,
  flowSteps: z.array(FlowStepDtoSchema),
  createdAt: nullableString,
  updatedAt: nullableString,
});
export type FlowDto = z.infer<typeof FlowDtoSchema>;

/** PUT answers with the flow plus the draft version the update landed in. */
export const UpdatedFlowDtoSchema = FlowDtoSchema.extend({
  draftVersionId: nullableString.transform((value) => value ?? undefined),
});
export type UpdatedFlowDto = z.infer<typeof UpdatedFlowDtoSchema>;

/** List items carry no steps. */
export const FlowSummaryDtoSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  createdAt: nullableString,
  updatedAt: nullableString,
});
export type FlowSummaryDto = z.infer<typeof FlowSummaryDtoSchema>;

/** Only the cursor fields are needed; the page counters are optional extras. */
export const PaginationDtoSchema = z.looseObject({
  nextCursor: nullableString,
  hasMore: z.boolean().optional(),
});
export type PaginationDto = z.infer<typeof PaginationDtoSchema>;

export const FlowListPageDtoSchema = z.looseObject({
  data: z.array(FlowSummaryDtoSchema),
  // Documented, but a single-page answer without it is readable: treat as the last page.
  pagination: PaginationDtoSchema.optional(),
});
export type FlowListPageDto = z.infer<typeof FlowListPageDtoSchema>;

export const PublishResultDtoSchema = z.looseObject({
  publishedVersionId: nullableString.transform((value) => value ?? undefined),
});
export type PublishResultDto = z.infer<typeof PublishResultDtoSchema>;

/** GET /v1/flow-versions/:flowId — which version is live and which drafts exist. */
export const FlowVersionsDtoSchema = z.looseObject({
  publishedVersionId: nullableString.transform((value) => value ?? undefined),
  versions: z.array(z.looseObject({ id: z.string(), versionType: nullableString })),
});
export type FlowVersionsDto = z.infer<typeof FlowVersionsDtoSchema>;

/** A step as sent on create/update — the documented request shape. */
export interface FlowStepWriteDto {
  id: string;
  name: string;
  type: string;
  config: Record<string, unknown>;
  enabled: boolean;
  order: number;
  when?: string;
}

/** Body of create (and, with the steps renamed, update). */
export interface FlowWriteDto {
  name: string;
  description?: string;
  steps: FlowStepWriteDto[];
}

export interface ListFlowsPageOptions {
  cursor?: string;
  /** Sent as a string; the server's maximum is undocumented. Default 100. */
  limit?: number;
  /** Server-side substring search on the name. */
  search?: string;
}
