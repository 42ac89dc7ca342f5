/**
 * The emulator's state: flows by id plus an array kept sorted by (createdAt, id) for listing.
 * Creates append (or binary-search insert), so no operation scans every flow except search.
 */
import { DRAFT_VERSION_TYPE, PUBLISHED_VERSION_TYPE } from './assumptions.js';
import { newFlowId, newVersionId } from './ids.js';
import { compareKeys, paginate, searchIndex } from './pagination.js';
import type { ListQuery } from './pagination.js';
import type { ReadingRules } from './readings.js';
import type {
  PaginationDto,
  StateFile,
  StoredFlow,
  StoredStep,
  StoredVersion,
  VersionType,
} from './types.js';
import type { CreateInput, UpdateInput } from './validate.js';

export interface StoreOptions {
  now: () => number;
  userId: string;
  /** Called after every mutation (persistence hooks in here). */
  onChange: () => void;
  /** How the open points of the document are answered (assumptions.ts, OPEN_POINTS). */
  rules: ReadingRules;
}

/**
 * Through which endpoint an edit came: PUT /v1/flows/{id}, or the flow-steps endpoints (the
 * dashboard's step editor; the emulator offers them through its state API only).
 */
export type EditVia = 'put' | 'flow-steps';

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
    // The second reading: nothing is left to publish after a create.
    if (this.opts.rules.createPublishes) this.freezeDraft(flow);
    this.insert(flow);
    this.opts.onChange();
    return flow;
  }

  /** Applies a partial update and rewrites (or opens) the draft version. */
  update(id: string, input: StoreUpdate, via: EditVia = 'put'): StoredFlow | undefined {
    this.writable();
    const flow = this.byId.get(id);
    if (flow === undefined) return undefined;
    const { rules } = this.opts;
    const now = this.timestamp();
    if (input.name !== undefined) flow.name = input.name;
    if (input.description !== undefined) flow.description = input.description;
    if (input.steps !== undefined) {
      flow.steps =
        via === 'put' && rules.putKeepsOmittedWhen
          ? keepOmittedWhens(flow.steps, input.steps)
          : input.steps;
    }
    if (input.lastRunAt !== undefined) flow.lastRunAt = input.lastRunAt;
    if (via === 'put' || rules.stepsEditMovesUpdatedAt) {
      flow.updatedAt = laterThan(flow.updatedAt, now);
    }
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
    const version = this.freezeDraft(flow);
    this.opts.onChange();
    return { ok: true, flow, version };
  }

  /**
   * Makes a given version live: the pending draft is published; a published one becomes live
   * again — as it is (first reading), or as a copy numbered after every other version, whose
   * content becomes the flow's (second reading).
   */
  publishVersion(id: string, versionId: string): PublishResult {
    this.writable();
    const flow = this.byId.get(id);
    if (flow === undefined) return { ok: false, reason: 'not-found' };
    if (flow.draft?.id === versionId) return this.publish(id);
    const version = flow.versions.find((v) => v.id === versionId);
    if (version === undefined) return { ok: false, reason: 'no-version' };
    if (this.opts.rules.publishVersionCopies) {
      const now = this.timestamp();
      const number = (flow.versions[flow.versions.length - 1]?.versionNumber ?? 0) + 1;
      flow.name = version.name;
      flow.steps = version.steps;
      flow.updatedAt = laterThan(flow.updatedAt, now);
      flow.draft = draftVersion(number, flow.name, flow.steps, now);
      const copy = this.freezeDraft(flow);
      this.opts.onChange();
      return { ok: true, flow, version: copy };
    }
    this.makeLive(flow, version);
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
    const { rules } = this.opts;
    let flows: readonly StoredFlow[] = this.order;
    if (q.search !== null && !rules.searchIgnored) {
      // A case-insensitive regex scans without allocating a lowercased copy of every name.
      const needle = new RegExp(q.search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu');
      flows = flows.filter((f) => needle.test(f.name));
    }
    if (!rules.flowsNewestFirst) return paginate(flows, q, compareKeys);
    return paginate([...flows].reverse(), q, (a, b) => compareKeys(b, a));
  }

  clear(): void {
    this.writable();
    this.byId.clear();
    this.order = [];
    this.opts.onChange();
  }

  // --- internal ---

  /** The pending draft becomes the live published version (the caller saves the change). */
  private freezeDraft(flow: StoredFlow): StoredVersion {
    const draft = flow.draft!;
    const version: StoredVersion = {
      ...draft,
      versionType: PUBLISHED_VERSION_TYPE,
      label: `v${draft.versionNumber}`,
      createdAt: this.timestamp(),
    };
    flow.versions.push(version);
    flow.draft = null;
    this.makeLive(flow, version);
    return version;
  }

  /** Moves the live pointer; the version no longer live gets the reading's superseded type. */
  private makeLive(flow: StoredFlow, version: StoredVersion): void {
    const superseded = this.opts.rules.supersededVersionType as VersionType;
    const index = flow.versions.findIndex((v) => v.id === flow.publishedVersionId);
    const previous = flow.versions[index];
    if (previous !== undefined && previous !== version && previous.versionType !== superseded) {
      flow.versions[index] = { ...previous, versionType: superseded };
    }
    const live = flow.versions.findIndex((v) => v.id === version.id);
    if (live !== -1 && flow.versions[live]!.versionType !== PUBLISHED_VERSION_TYPE) {
      flow.versions[live] = { ...flow.versions[live]!, versionType: PUBLISHED_VERSION_TYPE };
    }
    flow.publishedVersionId = version.id;
  }

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
 * The second reading of a PUT: a step sent without `when` keeps the one its id had (the list
 * still replaces the old one).
 */
function keepOmittedWhens(
  before: readonly StoredStep[],
  after: readonly StoredStep[],
): StoredStep[] {
  const whens = new Map(before.flatMap((s) => (s.when === undefined ? [] : [[s.id, s.when]])));
  return after.map((step) => {
    const when = whens.get(step.id);
    return step.when !== undefined || when === undefined ? step : { ...step, when };
  });
}

/**
 * Every edit moves `updatedAt` forward, also two within one millisecond (then by 1 ms): clients
 * may take an unchanged `updatedAt` for "not edited since" (status does), as the API's does.
 */
function laterThan(previous: string, now: string): string {
  return now > previous ? now : new Date(Date.parse(previous) + 1).toISOString();
}
