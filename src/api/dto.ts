import { z } from 'zod';

/**
 * Wire shapes of the flows endpoints, as the vendored OpenAPI document
 * (openapi/runtype-flows.openapi.json) states them. Responses are parsed as
 * leniently as the document is: loose objects keep fields the server adds,
 * and only what the document marks required AND the tool relies on is
 * required here (a response step needs only `id` and `type`), so a
 * surprising answer fails loudly (API_BAD_RESPONSE) without rejecting a
 * documented one. test/contract/ checks these against the document.
 */

const optionalString = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);

/** A step in a flow response: `when` is never in it (only GET /flow-steps returns it). */
export const FlowStepDtoSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  name: z.string().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  enabled: z.boolean().optional(),
  order: z.number().optional(),
});
export type FlowStepDto = z.infer<typeof FlowStepDtoSchema>;

/** GET/POST /v1/flows(/:id). No response carries `description`. */
export const FlowDtoSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  flowSteps: z.array(FlowStepDtoSchema),
  createdAt: optionalString,
  updatedAt: optionalString,
  dashboardUrl: optionalString,
});
export type FlowDto = z.infer<typeof FlowDtoSchema>;

/** PUT answers with the flow plus the draft version the update landed in. */
export const UpdatedFlowDtoSchema = FlowDtoSchema.extend({ draftVersionId: optionalString });
export type UpdatedFlowDto = z.infer<typeof UpdatedFlowDtoSchema>;

/** List items carry no steps. */
export const FlowSummaryDtoSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  createdAt: optionalString,
  updatedAt: optionalString,
  /** null when the flow never ran (`status --all` shows it). */
  lastRunAt: z.string().nullish(),
});
export type FlowSummaryDto = z.infer<typeof FlowSummaryDtoSchema>;

/**
 * Only the cursor fields are needed; the page counters are optional extras. `hasMore` is
 * required (as documented): a page that does not say whether more follow would turn a partial
 * listing into "every flow", and flows missing from it would look deleted.
 */
export const PaginationDtoSchema = z.looseObject({
  nextCursor: z.string().nullish(),
  hasMore: z.boolean(),
});
export type PaginationDto = z.infer<typeof PaginationDtoSchema>;

export const FlowListPageDtoSchema = z.looseObject({
  data: z.array(FlowSummaryDtoSchema),
  pagination: PaginationDtoSchema,
});
export type FlowListPageDto = z.infer<typeof FlowListPageDtoSchema>;

/** GET /v1/flow-steps/flow/:flowId — the one response that carries `when`. */
export const FlowStepsDtoSchema = z.looseObject({
  flowId: z.string(),
  data: z.array(FlowStepDtoSchema.extend({ when: optionalString })),
});
export type FlowStepsDto = z.infer<typeof FlowStepsDtoSchema>;

/** POST /v1/flows/:id/publish. `success: false` is a publish that did not happen. */
export const PublishResultDtoSchema = z.looseObject({
  success: z.boolean().optional(),
  message: optionalString,
  publishedVersionId: optionalString,
});
export type PublishResultDto = z.infer<typeof PublishResultDtoSchema>;

/** `versionNumber` is required (as documented): which version is newest decides what is live. */
export const FlowVersionSummaryDtoSchema = z.looseObject({
  id: z.string(),
  versionNumber: z.number(),
  versionType: optionalString,
  label: optionalString,
  createdAt: optionalString,
  stepCount: z.number().optional(),
});
export type FlowVersionSummaryDto = z.infer<typeof FlowVersionSummaryDtoSchema>;

/** GET /v1/flow-versions/:flowId — which version is live and which exist. */
export const FlowVersionsDtoSchema = z.looseObject({
  publishedVersionId: optionalString,
  versions: z.array(FlowVersionSummaryDtoSchema),
});
export type FlowVersionsDto = z.infer<typeof FlowVersionsDtoSchema>;

/**
 * GET /v1/flow-versions/:flowId/published and /:versionId. `flowConfig` is untyped in the document
 * (`object | null`): read as given, in any shape (api/guesses.ts, versionContent).
 */
export const FlowVersionDtoSchema = FlowVersionSummaryDtoSchema.extend({
  flowConfig: z.unknown(),
});
export type FlowVersionDto = z.infer<typeof FlowVersionDtoSchema>;

/**
 * POST /v1/flow-versions/:flowId/publish. `versionId` is the version now live (which may be a copy
 * of the one asked for); `success: false` is a publish that did not happen.
 */
export const PublishVersionResultDtoSchema = z.looseObject({
  success: z.boolean().optional(),
  message: optionalString,
  versionId: optionalString,
});
export type PublishVersionResultDto = z.infer<typeof PublishVersionResultDtoSchema>;

const ValidationIssueDtoSchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  path: optionalString,
  step: z
    .looseObject({ index: z.number(), name: z.string().optional(), type: z.string().optional() })
    .nullish(),
});
export type ValidationIssueDto = z.infer<typeof ValidationIssueDtoSchema>;

/** POST /v1/public/flows/validate. */
export const ValidationResultDtoSchema = z.looseObject({
  valid: z.boolean(),
  errors: z.array(ValidationIssueDtoSchema),
  warnings: z.array(ValidationIssueDtoSchema),
  recommendations: z.array(ValidationIssueDtoSchema),
  context: z
    .looseObject({
      authenticated: z.boolean().optional(),
      accountChecksPerformed: z.boolean().optional(),
      accountChecksSkipped: z.boolean().optional(),
    })
    .optional(),
});
export type ValidationResultDto = z.infer<typeof ValidationResultDtoSchema>;

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

/** What the tool writes: create sends all of it, update only `name` and the steps. */
export interface FlowWriteDto {
  name: string;
  /** Sent on create only: the documented PUT has no such field. */
  description?: string;
  steps: FlowStepWriteDto[];
}

export interface ListFlowsPageOptions {
  cursor?: string;
  /** Sent as a string; the server's maximum is undocumented. Default LIST_PAGE_SIZE. */
  limit?: number;
  /** Server-side search on the name (semantics undocumented: filtered to exact matches). */
  search?: string;
}
