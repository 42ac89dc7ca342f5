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
  publishFlow(id: string): Promise<unknown>;
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

/**
 * Where apply makes each step durable as it happens: the intent before a
 * POST, the id right after it (see state/ for the journal behind it).
 */
export interface LockRecorder {
  recordIntent(key: string, name: string, hash: string): Promise<void>;
  recordWritten(key: string, entry: TrackedFlow, op: 'created' | 'updated'): Promise<void>;
  /** Before a PUT, durably: the remote hash it would leave (see LockEntry.attempted). */
  recordAttempt(key: string, stateHash: string): Promise<void>;
  recordPublished(key: string, hash: string): Promise<void>;
  recordDeleted(key: string): Promise<void>;
  /** Drop a key's entry without a remote call (its flow is now tracked under another key). */
  recordForget(key: string): Promise<void>;
  /** Ids the lock state already maps to some key (never adopted by another). */
  trackedIds(): ReadonlySet<string>;
}
