import type { FlowPayload } from './payload.js';
import type { RemoteFlow } from './remote-flow.js';

/** What the lock state remembers of one flow (see state/). */
export interface TrackedFlow {
  id: string;
  /** Hash of the payload the tool last wrote. */
  hash: string;
  name: string;
  /** Hash of the remote flow as the server returned it after that write (drift baseline). */
  remoteHash?: string;
  /** The hash whose content was last published, if any. */
  published?: string;
  /** The version id the last publish or rollback made live, when recorded. */
  publishedVersionId?: string;
  /** The version live before that one (`rollback --to previous`). */
  previousVersionId?: string;
  /** A rollback pin: the flow stays on `versionId` while the code's hash is `hash`. */
  pin?: { versionId: string; versionNumber?: number; hash: string };
  /** Hash of the description last sent (on create); absent when none was. */
  descriptionHash?: string;
  /** The remote's `updatedAt` when that write was answered (lets `status` skip unchanged flows). */
  updatedAt?: string;
  /**
   * Remote states the tool's own writes may have left beside `remoteHash`: updates in doubt (runs
   * stopped between a PUT and its record), and a rollback whose copy changed the flow.
   */
  attempted?: string[];
}

/** A flow as the code wants it. */
export interface DesiredFlow {
  key: string;
  payload: FlowPayload;
  hash: string;
  file?: string;
}

/** What is known of the remote account. `listed` is every flow; `details` those fetched in full. */
export interface RemoteSnapshot {
  listed: readonly {
    id: string;
    name: string;
    lastRunAt?: string | null;
    /** As the listing gives it (absent when the API gives none). */
    updatedAt?: string | null;
  }[];
  details: ReadonlyMap<string, RemoteFlow>;
  /**
   * Flow id → the version live now (null: none), read with --refresh for tracked flows whose lock
   * entry records the live version; absent for a flow not read.
   */
  live?: ReadonlyMap<string, string | null>;
}

interface Base {
  key: string;
  name: string;
  /**
   * The code's description differs from the one sent when the flow was
   * created: the API takes a description on create only, so this is a note,
   * never a change (it clears with the flow's next write).
   */
  descriptionChanged?: true;
}

export type Change =
  /** New key, nothing of that name remotely: POST. */
  | (Base & { kind: 'create'; payload: FlowPayload; hash: string })
  /**
   * Untracked key, exactly one untracked remote flow of that name: take it over (PUT if content
   * differs).
   */
  /**
   * `previousKey`: the key changed in code; the lock entry moves to the new key (no create, no
   * delete).
   */
  /**
   * `remoteState`: the remote's drift hash when known (recorded as the baseline when content
   * matches).
   */
  | (Base & {
      kind: 'adopt';
      remoteId: string;
      payload: FlowPayload;
      hash: string;
      contentMatches: boolean;
      remoteState?: string;
      before?: FlowPayload;
      previousKey?: string;
      matchedName?: string;
      /**
       * A key changed in code whose content was live under the old key: still live (the version
       * id when recorded), so it is recorded as such, not published again.
       */
      alreadyLive?: { versionId?: string };
    })
  /** Code changed since the last sync: PUT. */
  | (Base & {
      kind: 'update';
      remoteId: string;
      payload: FlowPayload;
      hash: string;
      before?: FlowPayload;
    })
  /** Remote edited outside the tool since the last sync: refused unless --force (then PUT). */
  | (Base & {
      kind: 'drift';
      remoteId: string;
      payload: FlowPayload;
      hash: string;
      before: FlowPayload;
      codeChanged: boolean;
    })
  /** Tracked, but deleted remotely: recreated by sync. */
  | (Base & { kind: 'missing'; previousId: string; payload: FlowPayload; hash: string })
  /** Tracked, key gone from code: DELETE, only with --prune. */
  /** `alreadyGone`: the remote flow no longer exists; the entry is dropped without --prune. */
  | (Base & { kind: 'delete'; remoteId: string; alreadyGone: boolean })
  /** Several untracked remote flows carry this name: refuse to guess. */
  | (Base & { kind: 'conflict'; remoteIds: string[]; payload: FlowPayload; hash: string })
  /**
   * Deployed, but the live version is behind the code (synced without publishing, or a publish
   * failed) in an environment that publishes: sync publishes it.
   */
  /**
   * `remoteState`: the remote state the tool's write of this content was answered with (settles a
   * publish by that state when the content comparison cannot).
   */
  | (Base & {
      kind: 'publish';
      remoteId: string;
      payload: FlowPayload;
      hash: string;
      remoteState?: string;
    })
  /**
   * The live version is not the one the tool last made live (published or rolled back outside
   * the tool, seen with --refresh): refused unless --force, which makes `expectedVersionId` live
   * again. `pinned`: the expected version is a rollback pin's.
   */
  | (Base & {
      kind: 'live-drift';
      remoteId: string;
      payload: FlowPayload;
      hash: string;
      expectedVersionId: string;
      liveVersionId: string | null;
      pinned?: Pin;
    })
  /**
   * `published`: the current content is the live version. False where the environment does not
   * publish (shown as live behind code, not a change) or while `pinned`.
   * `pinned`: a rollback keeps this version live until the flow's code changes (not a change).
   */
  | (Base & { kind: 'noop'; remoteId: string; hash: string; published: boolean; pinned?: Pin });

/** A rollback pin as the plan shows it. */
export interface Pin {
  versionId: string;
  versionNumber?: number;
}

export type ChangeKind = Change['kind'];

export interface Plan {
  /** Sorted by key; one change per flow key. */
  changes: Change[];
  summary: Record<ChangeKind, number>;
  /** Whether the remote account was consulted (adoption, drift and missing need it). */
  remoteChecked: boolean;
  /** Whether every tracked flow was fetched (drift on unchanged flows is only seen then). */
  refreshed: boolean;
}

/** Every change kind, in the order summaries list them (the JSON schema's enum is this list). */
export const CHANGE_KINDS = [
  'create',
  'adopt',
  'update',
  'publish',
  'drift',
  'live-drift',
  'missing',
  'delete',
  'conflict',
  'noop',
] as const satisfies readonly ChangeKind[];

/** A kind added to Change but not to CHANGE_KINDS fails to compile here. */
const _everyKindListed: Exclude<ChangeKind, (typeof CHANGE_KINDS)[number]> extends never
  ? true
  : never = true;
