/** Zod schemas of the emulator's responses (strict: an unexpected field fails the contract). */
import { z } from 'zod';

const isoDate = z.iso.datetime();

export const stepSchema = z.strictObject({
  id: z.string().min(1),
  type: z.string().min(1),
  name: z.string(),
  config: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  order: z.number(),
  when: z.unknown().optional(),
});

export const flowSchema = z.strictObject({
  id: z.uuid(),
  name: z.string().min(1),
  description: z.string().nullable(),
  status: z.enum(['draft', 'active', 'paused', 'failed']),
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

export const updatedFlowSchema = flowSchema.extend({ draftVersionId: z.string().startsWith('flowver_') });

export const flowSummarySchema = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(['draft', 'active', 'paused', 'failed']),
  createdAt: isoDate,
  updatedAt: isoDate,
  lastRunAt: isoDate.nullable(),
  stepCount: z.number().int().nonnegative(),
});

export const paginationSchema = z.strictObject({
  nextCursor: z.string().nullable(),
  prevCursor: z.string().nullable(),
  hasMore: z.boolean(),
  hasPrev: z.boolean(),
  limit: z.number().int().positive(),
  totalCount: z.number().int().nonnegative().optional(),
  totalPages: z.number().int().nonnegative().optional(),
  currentPage: z.number().int().positive().optional(),
  currentOffset: z.number().int().nonnegative().optional(),
});

export const listSchema = z.strictObject({ data: z.array(flowSummarySchema), pagination: paginationSchema });

export const deleteSchema = z.strictObject({ success: z.literal(true), message: z.string() });

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
  stepSummary: z.array(z.strictObject({ id: z.string(), name: z.string(), type: z.string() })),
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
  flowConfig: z.strictObject({ steps: z.array(stepSchema) }),
  label: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: isoDate,
});

export const errorSchema = z.strictObject({
  error: z.string().min(1),
  code: z.string().regex(/^[A-Z_]+$/),
  details: z.record(z.string(), z.unknown()).optional(),
});
