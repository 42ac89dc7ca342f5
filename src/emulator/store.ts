/**
 * The emulator's state: flows by id plus an array kept sorted by (createdAt, id) for listing.
 * Creates append (or binary-search insert), so no operation scans every flow except search.
 */
import { DRAFT_VERSION_TYPE, PUBLISHED_VERSION_TYPE } from './assumptions.js';
import { newFlowId, newVersionId } from './ids.js';
import { compareKeys, paginate, searchIndex } from './pagination.js';
import type { ListQuery } from './pagination.js';
import type { PaginationDto, StateFile, StoredFlow, StoredStep, StoredVersion } from './types.js';
import type { CreateInput, UpdateInput } from './validate.js';

export interface StoreOptions {
  now: () => number;
  userId: string;
  /** Called after every mutation (persistence hooks in here). */
  onChange: () => void;
}

export interface StoreUpdate extends UpdateInput {
  description?: string | null;
  lastRunAt?: string | null;
}

export type PublishResult =
  | { ok: true; flow: StoredFlow; version: StoredVersion }
  | { ok: false; reason: 'not-found' | 'no-draft' | 'no-version' };

export class FlowStore {
  private readonly byId = new Map<string, StoredFlow>();
  private order: StoredFlow[] = [];
  private readonly opts: StoreOptions;
  private sealed = false;

  constructor(opts: StoreOptions) {
    this.opts = opts;
  }

  get size(): number {
    return this.order.length;
  }

  private lastMs = Number.NaN;
  private lastIso = '';

  /** ISO time of the clock, formatted once per millisecond (many requests share one). */
  private timestamp(): string {
    const ms = this.opts.now();
    if (ms !== this.lastMs) {
      this.lastMs = ms;
      this.lastIso = new Date(ms).toISOString();
    }
    return this.lastIso;
  }

  /** Replaces the whole state (used when loading the state file). */
  load(flows: readonly StoredFlow[]): void {
    this.byId.clear();
    this.order = [...flows].sort(compareKeys);
    for (const flow of this.order) this.byId.set(flow.id, flow);
  }

  /** After close(): every change is refused (nothing may be applied or written any more). */
  seal(): void {
    this.sealed = true;
  }

  snapshot(): StateFile {
    return { format: 'runtype-emulator-state', version: 2, flows: this.order };
  }

  get(id: string): StoredFlow | undefined {
    return this.byId.get(id);
  }

  all(): readonly StoredFlow[] {
    return this.order;
  }

  private insert(flow: StoredFlow): void {
    const last = this.order[this.order.length - 1];
    if (last === undefined || compareKeys(last, flow) < 0) this.order.push(flow);
    else this.order.splice(searchIndex(this.order, flow, true), 0, flow);
    this.byId.set(flow.id, flow);
  }

  create(input: CreateInput): StoredFlow {
    this.writable();
    const now = this.timestamp();
    const flow: StoredFlow = {
      id: newFlowId(),
      name: input.name,
      description: input.description,
      steps: input.steps,
      createdAt: now,
      updatedAt: now,
      lastRunAt: null,
      userId: this.opts.userId,
      draft: draftVersion(1, input.name, input.steps, now),
      versions: [],
      publishedVersionId: null,
    };
    this.insert(flow);
    this.opts.onChange();
    return flow;
  }

  /** Applies a partial update and rewrites (or opens) the draft version. */
  update(id: string, input: StoreUpdate): StoredFlow | undefined {
    this.writable();
    const flow = this.byId.get(id);
    if (flow === undefined) return undefined;
    const now = this.timestamp();
    if (input.name !== undefined) flow.name = input.name;
    if (input.description !== undefined) flow.description = input.description;
    if (input.steps !== undefined) flow.steps = input.steps;
    if (input.lastRunAt !== undefined) flow.lastRunAt = input.lastRunAt;
    flow.updatedAt = laterThan(flow.updatedAt, now);
    flow.draft =
      flow.draft === null
        ? draftVersion(
            (flow.versions[flow.versions.length - 1]?.versionNumber ?? 0) + 1,
            flow.name,
            flow.steps,
            now,
          )
        : { ...flow.draft, name: flow.name, steps: flow.steps };
    this.opts.onChange();
    return flow;
  }

  delete(id: string): boolean {
    this.writable();
    const flow = this.byId.get(id);
    if (flow === undefined) return false;
    this.byId.delete(id);
    const index = searchIndex(this.order, flow, false);
    if (this.order[index] === flow) this.order.splice(index, 1);
    else this.order = this.order.filter((f) => f !== flow);
    this.opts.onChange();
    return true;
  }

  /** Freezes the pending draft into the next published version. */
  publish(id: string): PublishResult {
    this.writable();
    const flow = this.byId.get(id);
    if (flow === undefined) return { ok: false, reason: 'not-found' };
    if (flow.draft === null) return { ok: false, reason: 'no-draft' };
    const version: StoredVersion = {
      ...flow.draft,
      versionType: PUBLISHED_VERSION_TYPE,
      label: `v${flow.draft.versionNumber}`,
      createdAt: this.timestamp(),
    };
    flow.versions.push(version);
    flow.draft = null;
    flow.publishedVersionId = version.id;
    this.opts.onChange();
    return { ok: true, flow, version };
  }

  /**
   * Makes a given version live: the pending draft is published; a published one only becomes live
   * again.
   */
  publishVersion(id: string, versionId: string): PublishResult {
    this.writable();
    const flow = this.byId.get(id);
    if (flow === undefined) return { ok: false, reason: 'not-found' };
    if (flow.draft?.id === versionId) return this.publish(id);
    const version = flow.versions.find((v) => v.id === versionId);
    if (version === undefined) return { ok: false, reason: 'no-version' };
    flow.publishedVersionId = version.id;
    this.opts.onChange();
    return { ok: true, flow, version };
  }

  /** The flow holding a version id, if any (to tell "another flow's version" from "unknown"). */
  flowOfVersion(versionId: string): StoredFlow | undefined {
    return this.order.find(
      (f) => f.draft?.id === versionId || f.versions.some((v) => v.id === versionId),
    );
  }

  list(q: ListQuery): { page: StoredFlow[]; pagination: PaginationDto } {
    if (q.search === null) return paginate(this.order, q);
    // A case-insensitive regex scans without allocating a lowercased copy of every name.
    const needle = new RegExp(q.search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu');
    return paginate(
      this.order.filter((f) => needle.test(f.name)),
      q,
    );
  }

  clear(): void {
    this.writable();
    this.byId.clear();
    this.order = [];
    this.opts.onChange();
  }

  // --- internal ---

  private writable(): void {
    if (this.sealed) throw new Error('emulator: closed; no more changes are applied');
  }
}

function draftVersion(
  versionNumber: number,
  name: string,
  steps: readonly StoredStep[],
  createdAt: string,
): StoredVersion {
  const id = newVersionId();
  return {
    id,
    versionNumber,
    versionType: DRAFT_VERSION_TYPE,
    label: null,
    notes: null,
    name,
    steps,
    createdAt,
  };
}

/**
 * Every edit moves `updatedAt` forward, also two within one millisecond (then by 1 ms): clients
 * may take an unchanged `updatedAt` for "not edited since" (status does), as the API's does.
 */
function laterThan(previous: string, now: string): string {
  return now > previous ? now : new Date(Date.parse(previous) + 1).toISOString();
}
