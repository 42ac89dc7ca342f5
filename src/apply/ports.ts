import type { FlowPayload, RemoteFlowShape, TrackedFlow } from '../plan/index.js';

/**
 * A flow as the API returns it (enough of it to normalise and hash). apply names only the fields
 * it reads (plan's RemoteFlowShape plus the id and the dashboard link), not api's full zod-parsed
 * FlowDto, so a fake API in tests and the emulator need nothing more.
 */
export type RemoteFlowDto = RemoteFlowShape & {
  id: string;
  /** Where the flow opens in the Runtype dashboard, when the response gives it. */
  dashboardUrl?: string | undefined;
  /** When the flow last changed, as the response gives it (recorded for `status`). */
  updatedAt?: string | undefined;
};

/**
 * The slice of the API client apply writes (and reads back) through; the real client satisfies
 * it structurally. Not api's `FlowsApi` (the client's whole flows resource): only what apply uses.
 */
export interface FlowWriter {
  createFlow(body: FlowPayload): Promise<RemoteFlowDto>;
  updateFlow(id: string, body: FlowPayload): Promise<RemoteFlowDto>;
  getFlow(id: string): Promise<RemoteFlowDto>;
  /** The steps with their `when`, which flow responses leave out. */
  getFlowSteps(id: string): Promise<{ data: { id: string; when?: string | null | undefined }[] }>;
  deleteFlow(id: string): Promise<void>;
  publishFlow(id: string): Promise<{ publishedVersionId?: string | undefined }>;
  listVersions(id: string): Promise<VersionList>;
  /** One version with its content (`flowConfig`). */
  getVersion(id: string, versionId: string): Promise<VersionDto>;
  /**
   * Makes a given version live (POST /v1/flow-versions/{flowId}/publish); `versionId` is the one
   * now live (the API may publish a copy of the one asked for).
   */
  publishVersion(id: string, versionId: string): Promise<{ versionId?: string | undefined }>;
  /** Whether the live version is the flow's current content (api/version-list.ts). */
  getPublishState(
    id: string,
  ): Promise<{ publishedVersionId: string | undefined; draftPending: boolean }>;
  findFlowsByName(name: string): Promise<{ id: string; name: string }[]>;
  /** Every remote flow, all pages; `lastRunAt` as the listing carries it (`status --all`). */
  listFlows(): Promise<
    {
      id: string;
      name: string;
      lastRunAt?: string | null | undefined;
      updatedAt?: string | undefined;
    }[]
  >;
}

/** One entry of GET /v1/flow-versions/{flowId} (the fields apply and the commands read). */
export interface VersionSummary {
  id: string;
  versionNumber?: number | undefined;
  versionType?: string | undefined;
  label?: string | undefined;
  createdAt?: string | undefined;
}

export interface VersionList {
  publishedVersionId?: string | undefined;
  versions: VersionSummary[];
}

/** A version with its content; `flowConfig` is untyped in the document (see api/guesses.ts). */
export type VersionDto = VersionSummary & { flowConfig?: unknown };

/**
 * Where apply makes each step durable as it happens: the intent before a
 * POST, the id right after it (see state/ for the journal behind it).
 */
export interface LockRecorder {
  recordIntent(key: string, name: string, hash: string): Promise<void>;
  recordWritten(key: string, entry: TrackedFlow, op: 'created' | 'updated'): Promise<void>;
  /** Before a PUT, durably: the remote hash it would leave (see LockEntry.attempted). */
  recordAttempt(key: string, stateHash: string): Promise<void>;
  /** After a publish: the content now live and, when known, the version id it went live as. */
  recordPublished(key: string, hash: string, versionId?: string): Promise<void>;
  /** After a rollback (or putting its version back live): the pin, with the code hash it holds for. */
  recordPinned(
    key: string,
    pin: { versionId: string; versionNumber?: number; hash: string },
  ): Promise<void>;
  recordDeleted(key: string): Promise<void>;
  /** Drop a key's entry without a remote call (its flow is now tracked under another key). */
  recordForget(key: string): Promise<void>;
  /** Ids the lock state already maps to some key (never adopted by another). */
  trackedIds(): ReadonlySet<string>;
}
