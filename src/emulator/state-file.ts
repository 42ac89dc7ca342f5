/**
 * The optional state file, loaded once at start (state-writer.ts keeps it current). A file
 * that cannot be read, is not JSON, or is not an emulator state file is refused with
 * EMULATOR_STATE_INVALID and left exactly as it is: it may hold the only copy of someone's
 * flows, so the emulator never "repairs" it by overwriting.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { RuntypeError } from '../errors.js';
import { migrateFlows } from './state-migrate.js';
import { isObject } from './validate.js';
import type { StoredFlow } from './types.js';

export const STATE_FORMAT = 'runtype-emulator-state';
/** The version written; older ones are migrated on load (state-migrate.ts). */
export const STATE_VERSIONS = [1, 2] as const;

const step = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  config: z.record(z.string(), z.unknown()),
  rawConfig: z.unknown().optional(),
  enabled: z.boolean(),
  order: z.number(),
  // Version 1 stored any JSON here; migrated to a string.
  when: z.unknown().optional(),
});

const version = z.object({
  id: z.string(),
  versionNumber: z.number().int(),
  versionType: z.enum(['draft', 'published', 'archived']),
  label: z.string().nullable(),
  notes: z.string().nullable(),
  // Absent in version 1: migrated to the flow's name.
  name: z.string().optional(),
  steps: z.array(step),
  createdAt: z.string(),
});

const flow = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  // Version 1 also had `status`: stripped (the document has no such field).
  steps: z.array(step),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastRunAt: z.string().nullable(),
  userId: z.string(),
  draft: version.nullable(),
  versions: z.array(version),
  publishedVersionId: z.string().nullable(),
});

const stateFile = z.object({
  format: z.literal(STATE_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  flows: z.array(flow),
});

/** Reads the state file; a missing file is an empty state, anything unusable a RuntypeError. */
export async function loadStateFile(path: string): Promise<StoredFlow[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw invalid(
      path,
      'unreadable',
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      error,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(path, 'not-json', `is not valid JSON (${(error as Error).message})`, error);
  }
  if (!isObject(json) || json.format !== STATE_FORMAT) {
    throw invalid(
      path,
      'foreign',
      `is not an emulator state file (it has no "format": "${STATE_FORMAT}")`,
    );
  }
  if (!(STATE_VERSIONS as readonly unknown[]).includes(json.version)) {
    const version = JSON.stringify(json.version);
    const what =
      `has state version ${version}, which this runtype-flows does not read (it reads ` +
      `${STATE_VERSIONS.join(' and ')})`;
    throw invalid(path, 'version', what);
  }
  const parsed = stateFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(
      path,
      'schema',
      `is not a valid state file: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trimEnd(),
    );
  }
  return migrateFlows(parsed.data.flows);
}

// --- internal ---

function invalid(path: string, reason: string, what: string, cause?: unknown): RuntypeError {
  return new RuntypeError('EMULATOR_STATE_INVALID', `The emulator state file ${path} ${what}.`, {
    hint:
      'It was left untouched. Repair it, or delete it to start the emulator empty (the flows ' +
      'it held are then gone).',
    meta: { file: path, reason },
    cause,
  });
}
