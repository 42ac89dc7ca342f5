/**
 * Zod schemas of the emulator's responses, for typed access in tests. Contract conformance
 * itself is checked against the OpenAPI document on every answer (test/contract); these add
 * the emulator's own stronger guarantees (ISO dates, TypeID ids: `flow_…` and `flowver_…`).
 */
import { z } from 'zod';

const isoDate = z.iso.datetime();
/** A TypeID: the prefix, then 26 characters of lowercase Crockford base32, the first 0-7. */
const typeId = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}_[0-7][0-9a-hjkmnp-tv-z]{25}$`));
const FlowId = typeId('flow');
const VersionId = typeId('flowver');

export const stepSchema = z.strictObject({
  id: z.string().min(1),
  type: z.string().min(1),
  name: z.string(),
  config: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  order: z.number().int().nonnegative(),
});

export const flowSchema = z.strictObject({
  id: FlowId,
  name: z.string().min(1),
  flowSteps: z.array(stepSchema),
  stepCount: z.number().int().nonnegative(),
  createdAt: isoDate,
  updatedAt: isoDate,
  lastRunAt: isoDate.nullable(),
  userId: z.string(),
  organizationId: z.string().nullable(),
  dashboardUrl: z.url(),
  sampleMetadata: z.record(z.string(), z.unknown()),
});

export const updatedFlowSchema = flowSchema.extend({
  draftVersionId: VersionId,
});

export const flowSummarySchema = z.strictObject({
  id: FlowId,
  name: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
  lastRunAt: isoDate.nullable(),
});

export const paginationSchema = z.strictObject({
  nextCursor: z.string().nullable(),
  prevCursor: z.string().nullable(),
  hasMore: z.boolean(),
  hasPrev: z.boolean(),
  limit: z.number().int().positive(),
  currentOffset: z.number().int().nonnegative(),
  totalCount: z.number().int().nonnegative().optional(),
  totalPages: z.number().int().nonnegative().optional(),
  currentPage: z.number().int().positive().optional(),
});

export const listSchema = z.strictObject({
  data: z.array(flowSummarySchema),
  pagination: paginationSchema,
});

export const publishSchema = z.strictObject({
  success: z.literal(true),
  message: z.string(),
  publishedVersionId: VersionId,
});

export const versionSummarySchema = z.strictObject({
  id: VersionId,
  versionNumber: z.number().int().positive(),
  versionType: z.enum(['draft', 'published']),
  label: z.string().nullable(),
  notes: z.string().nullable(),
  stepCount: z.number().int().nonnegative(),
  stepSummary: z.string().nullable(),
  createdAt: isoDate,
});

export const versionsSchema = z.strictObject({
  flowId: FlowId,
  publishedVersionId: z.string().nullable(),
  versions: z.array(versionSummarySchema),
});

export const versionSchema = z.strictObject({
  id: VersionId,
  flowId: FlowId,
  versionNumber: z.number().int().positive(),
  versionType: z.enum(['draft', 'published']),
  flowConfig: z.strictObject({
    name: z.string(),
    flowSteps: z.array(stepSchema.extend({ when: z.string().optional() })),
  }),
  label: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: isoDate,
});

export const detailSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[A-Z_]+$/)
    .optional(),
  message: z.string().min(1),
  path: z.string().optional(),
  suggestion: z.string().optional(),
});

/** The documented Error body: no top-level code. */
export const errorSchema = z.strictObject({
  error: z.string().min(1),
  details: z.array(detailSchema).optional(),
});
