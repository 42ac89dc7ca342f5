import { z } from 'zod';
import { json, memoryCommon, outputVariable, recordFilter, str } from './step-config-fields.js';

/**
 * Config schemas of the record, variable, vector and memory steps, part of
 * stepConfigSchemas (step-configs.ts, which says what they are for). Every
 * field is optional: the API types none.
 */
export const dataStepConfigs = {
  'retrieve-record': z.object({
    recordType: str.optional(),
    recordName: str.optional(),
    recordId: str.optional() /* [infer] */,
    recordFilter: recordFilter.optional(),
    outputVariable,
  }),
  'upsert-record': z.object({
    recordType: str.optional(),
    sourceVariable: str.optional(),
    recordName: str.optional() /* [infer] */,
    outputVariable,
  }),
  'update-record': z.object({
    recordId: str.optional(),
    recordFilter: recordFilter.optional(),
    updates: json.optional(),
    mergeStrategy: z.enum(['merge', 'replace', 'deep-merge']).optional(),
    outputVariable,
  }),
  'set-variable': z.object({
    variableName: str.min(1).optional(),
    value: json.optional(),
    /** A template rendered into the variable, as the document's example writes it. */
    valueTemplate: str.optional(),
  }),
  'generate-embedding': z.object({
    inputSource: str.optional(),
    text: str.optional(),
    embeddingModel: str.optional(),
    outputVariable,
  }),
  'vector-search': z.object({
    query: str.optional(),
    limit: z.number().int().positive().optional(),
    threshold: z.number().optional(),
    outputVariable,
  }),
  'store-vector': z.object({
    vectorsSource: str.optional(),
    destination: str.optional(),
    outputVariable,
  }),
  'save-memory': z.object({
    ...memoryCommon,
    contentVariable: str.optional(),
    sessionId: str.optional(),
  }),
  'recall-memory': z.object({
    ...memoryCommon,
    queryTemplate: str.optional(),
    thinkingLevel: z.enum(['low', 'medium', 'high']).optional(),
    responseLength: z.enum(['short', 'medium', 'long']).optional(),
  }),
  'memory-summary': z.object({ ...memoryCommon, sessionId: str.optional() }),
} as const;
