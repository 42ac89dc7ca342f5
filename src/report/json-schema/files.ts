import { z } from 'zod';
import { SavedPlanSchema } from '../../plan/index.js';
import * as documents from './documents.js';

/** Each schema file of schemas/ by name, and the zod schema it is generated from. */
const FILES = {
  'validate.schema.json': documents.ValidateDocumentSchema,
  'init.schema.json': documents.InitDocumentSchema,
  'plan.schema.json': documents.PlanDocumentSchema,
  'sync.schema.json': documents.SyncDocumentSchema,
  'status.schema.json': documents.StatusDocumentSchema,
  'error.schema.json': documents.ErrorDocumentSchema,
  'emulator-event.schema.json': documents.EmulatorEventSchema,
  'envs.schema.json': documents.EnvsDocumentSchema,
  'doctor.schema.json': documents.DoctorDocumentSchema,
  'pull.schema.json': documents.PullDocumentSchema,
  'saved-plan.schema.json': SavedPlanSchema,
  'versions.schema.json': documents.VersionsDocumentSchema,
  'rollback.schema.json': documents.RollbackDocumentSchema,
} as const;

/** Titles of the files that are not a command's --json document. */
const TITLES: Partial<Record<keyof typeof FILES, string>> = {
  'saved-plan.schema.json': 'runtype-flows plan --out FILE (read by sync --plan FILE)',
};

export type JsonSchemaFile = keyof typeof FILES;

/**
 * The JSON Schema (draft 2020-12) of every --json document, as written to schemas/ by
 * `npm run schemas`; a test keeps the committed files equal to this.
 */
export function jsonSchemaFiles(): Record<JsonSchemaFile, string> {
  const out = {} as Record<JsonSchemaFile, string>;
  for (const [file, schema] of Object.entries(FILES) as [JsonSchemaFile, z.ZodType][]) {
    const body = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' });
    const title = TITLES[file] ?? `runtype-flows ${file.replace('.schema.json', '')} --json`;
    out[file] = `${JSON.stringify({ title, ...body }, null, 2)}\n`;
  }
  return out;
}
