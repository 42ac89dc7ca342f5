/** Shapes the emulator stores (and persists) and answers with. */

/** A JSON object as parsed from a request body. */
export type JsonObject = Record<string, unknown>;

/** A step as stored: always complete (ids, defaults filled in). Treated as immutable. */
export interface StoredStep {
  id: string;
  type: string;
  name: string;
  /** `{}` when the client sent a config that is not an object (then kept in `rawConfig`). */
  config: JsonObject;
  /** A config sent that is not an object (the request schema accepts any value): kept as sent. */
  rawConfig?: unknown;
  enabled: boolean;
  order: number;
  /** Present only when the client sent one. */
  when?: string;
}

export type VersionType = 'draft' | 'published' | 'archived';

export interface StoredVersion {
  id: string;
  versionNumber: number;
  versionType: VersionType;
  label: string | null;
  notes: string | null;
  /** The flow's name when the version was made (part of its flowConfig). */
  name: string;
  steps: readonly StoredStep[];
  createdAt: string;
}

export interface StoredFlow {
  id: string;
  name: string;
  /** Write-only: sent on create, kept here, never answered (the document has no such field). */
  description: string | null;
  /** The current (latest edited) steps: what GET answers with. */
  steps: readonly StoredStep[];
  createdAt: string;
  updatedAt: string;
  lastRunAt: string | null;
  userId: string;
  /** The pending draft, or null when the last change was published. */
  draft: StoredVersion | null;
  /** Published (frozen) versions, oldest first. */
  versions: StoredVersion[];
  /** The live version (may be an older one after a rollback). */
  publishedVersionId: string | null;
}

/** The persisted file (version 1 files are migrated on load, see state-migrate.ts). */
export interface StateFile {
  format: 'runtype-emulator-state';
  version: 2;
  flows: StoredFlow[];
}

/** A step as the flow responses carry it (no `when`: only the flow-steps endpoint has it). */
export interface StepDto {
  id: string;
  type: string;
  name: string;
  order: number;
  enabled: boolean;
  /** Left out when the step's config is not an object (responses type it as one). */
  config?: JsonObject;
}

/** GET/POST/PUT /v1/flows/{id} response (PUT adds draftVersionId). */
export interface FlowDto {
  id: string;
  name: string;
  flowSteps: StepDto[];
  stepCount: number;
  createdAt: string;
  updatedAt: string;
  lastRunAt: string | null;
  userId: string;
  organizationId: string | null;
  dashboardUrl: string;
  sampleMetadata: JsonObject;
  draftVersionId?: string;
}

/** An item of GET /v1/flows. */
export interface FlowSummaryDto {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  lastRunAt: string | null;
}

export interface PaginationDto {
  nextCursor: string | null;
  prevCursor: string | null;
  hasMore: boolean;
  hasPrev: boolean;
  limit: number;
  currentOffset: number;
  totalCount?: number;
  totalPages?: number;
  currentPage?: number;
}

/** What a test or the CLI can pass to `state.create` (an out-of-band create). */
export interface FlowInput {
  name: string;
  description?: string | null;
  /** Steps as the API takes them (`flowSteps` is the same list under the API's other name). */
  steps?: unknown[];
  flowSteps?: unknown[];
}

/** What `state.update` accepts: an out-of-band edit (e.g. in the dashboard). */
export interface FlowPatch {
  name?: string;
  /** Write-only, as on create: changes nothing any response shows. */
  description?: string | null;
  /** Replaces the whole step list (`steps` is accepted as an alias here; `flowSteps` wins). */
  steps?: unknown[];
  flowSteps?: unknown[];
  lastRunAt?: string | null;
}
