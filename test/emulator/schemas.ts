/**
 * Zod schemas of the emulator's responses, for typed access in tests. Contract conformance
 * itself is checked against the OpenAPI document on every answer (test/contract); these add
 * the emulator's own stronger guarantees (ISO dates, UUID flow ids, `flowver_` version ids).
 */
import { z } from 'zod';

const isoDate = z.iso.datetime();

export const stepSchema = z.strictObject({
  id: z.string().min(1),
  type: z.string().min(1),
  name: z.string(),
  config: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  order: z.number().int().nonnegative(),
});

export const flowSchema = z.strictObject({
  id: z.uuid(),
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
  draftVersionId: z.string().startsWith('flowver_'),
});

export const flowSummarySchema = z.strictObject({
  id: z.uuid(),
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
  publishedVersionId: z.string().startsWith('flowver_'),
});

export const versionSummarySchema = z.strictObject({
  id: z.string().startsWith('flowver_'),
  versionNumber: z.number().int().positive(),
  versionType: z.enum(['draft', 'published']),
  label: z.string().nullable(),
  notes: z.string().nullable(),
  stepCount: z.number().int().nonnegative(),
  stepSummary: z.string().nullable(),
  createdAt: isoDate,
});

export const versionsSchema = z.strictObject({
  flowId: z.uuid(),
  publishedVersionId: z.string().nullable(),
  versions: z.array(versionSummarySchema),
});

export const versionSchema = z.strictObject({
  id: z.string().startsWith('flowver_'),
  flowId: z.uuid(),
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
