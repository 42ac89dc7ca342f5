/**
 * runtype-flows/json — the types of the JSON documents the CLI prints with `--json`,
 * for scripts written in TypeScript (types only: importing this loads nothing).
 * The same contract as JSON Schema files: `schemas/*.schema.json` in the package.
 *
 * @example
 * import type { SyncJson } from 'runtype-flows/json';
 * const doc = JSON.parse(stdout) as SyncJson | ErrorJson;
 */
import type { z } from 'zod';
import type * as D from './report/json-schema/documents.js';
import type * as P from './report/json-schema/parts.js';

export type ValidateJson = z.output<typeof D.ValidateDocumentSchema>;
export type InitJson = z.output<typeof D.InitDocumentSchema>;
export type PlanJson = z.output<typeof D.PlanDocumentSchema>;
export type SyncJson = z.output<typeof D.SyncDocumentSchema>;
export type StatusJson = z.output<typeof D.StatusDocumentSchema>;
/** What any command prints instead when it fails as a whole (a usage error included). */
export type ErrorJson = z.output<typeof D.ErrorDocumentSchema>;
export type EnvsJson = z.output<typeof D.EnvsDocumentSchema>;
export type DoctorJson = z.output<typeof D.DoctorDocumentSchema>;
export type PullJson = z.output<typeof D.PullDocumentSchema>;
export type VersionsJson = z.output<typeof D.VersionsDocumentSchema>;
export type RollbackJson = z.output<typeof D.RollbackDocumentSchema>;
/** One line of `emulator --json`. */
export type EmulatorEventJson = z.output<typeof D.EmulatorEventSchema>;

export type JsonDiagnostic = z.output<typeof P.DiagnosticSchema>;
export type JsonTarget = z.output<typeof P.TargetSchema>;
export type JsonChange = z.output<typeof P.ChangeSchema>;
