/** Shapes the emulator stores (and persists) and answers with. */

/** A JSON object as parsed from a request body. */
export type JsonObject = Record<string, unknown>;

/** A step as stored: always complete (ids, defaults filled in). Treated as immutable. */
export interface StoredStep {
  id: string;
  type: string;
  name: string;
  config: JsonObject;
  enabled: boolean;
  order: number;
  /** Present only when the client sent one. */
  when?: unknown;
}

export type VersionType = 'draft' | 'published';

export interface StoredVersion {
  id: string;
  versionNumber: number;
  versionType: VersionType;
  label: string | null;
  notes: string | null;
  steps: readonly StoredStep[];
  createdAt: string;
}

export type FlowStatus = 'draft' | 'active' | 'paused' | 'failed';

export interface StoredFlow {
  id: string;
  name: string;
  description: string | null;
  status: FlowStatus;
  /** The current (draft) steps: what GET answers with. */
  steps: readonly StoredStep[];
  createdAt: string;
  updatedAt: string;
  lastRunAt: string | null;
  userId: string;
  /** The pending draft, or null right after a publish. */
  draft: StoredVersion | null;
  /** Published (frozen) versions, oldest first. */
  versions: StoredVersion[];
  publishedVersionId: string | null;
}

/** The persisted file. */
export interface StateFile {
  format: 'runtype-emulator-state';
  version: 1;
  flows: StoredFlow[];
}

/** A step as answered by the API. */
export type StepDto = StoredStep;

/** GET/POST/PUT /v1/flows/:id response (PUT adds draftVersionId). */
export interface FlowDto {
  id: string;
  name: string;
  description: string | null;
  status: FlowStatus;
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
  description: string | null;
  status: FlowStatus;
  createdAt: string;
  updatedAt: string;
  lastRunAt: string | null;
  stepCount: number;
}

export interface PaginationDto {
  nextCursor: string | null;
  prevCursor: string | null;
  hasMore: boolean;
  hasPrev: boolean;
  limit: number;
  totalCount?: number;
  totalPages?: number;
  currentPage?: number;
  currentOffset?: number;
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
  description?: string | null;
  /** Replaces the whole step list (`flowSteps` is an alias; not both). */
  steps?: unknown[];
  flowSteps?: unknown[];
  status?: FlowStatus;
  lastRunAt?: string | null;
}
