/**
 * Direct state access for tests and tools: read flows without HTTP, and simulate changes made
 * through another tool (the dashboard, another CLI). Returns deep copies: mutating a result
 * never changes the emulator's state.
 */
import { renderFlow } from './render.js';
import type { FlowStore } from './store.js';
import type { FlowDto, FlowInput, FlowPatch, StoredVersion } from './types.js';
import { validateCreate, validateUpdate } from './validate.js';

export interface EmulatorState {
  /** Every flow (full, with steps), in list order (createdAt, then id). */
  flows(): FlowDto[];
  get(id: string): FlowDto | undefined;
  count(): number;
  /** A flow created out of band; validated like POST (throws InputError naming every problem). */
  create(input: FlowInput): FlowDto;
  /**
   * An out-of-band edit: bumps updatedAt and rewrites the draft, like PUT. Unlike PUT it also
   * takes `steps` (an alias; `flowSteps` wins), `description` and `lastRunAt`. Throws if unknown.
   */
  update(id: string, patch: FlowPatch): FlowDto;
  /**
   * An edit of the steps made through the flow-steps endpoints (the dashboard's step editor): the
   * steps are replaced as by `update`, but whether `updatedAt` moves is the reading's answer
   * (assumptions.ts, OPEN_POINTS). Throws if unknown.
   */
  editSteps(id: string, steps: unknown[]): FlowDto;
  delete(id: string): boolean;
  /** Publishes the pending draft; returns the published version id. Throws if none. */
  publish(id: string): string;
  /** Every version of a flow (published oldest first, then the pending draft). */
  versions(id: string): StoredVersion[];
  /** Removes every flow. */
  clear(): void;
}

/** `stepTypes`: what out-of-band creates and edits accept, as over HTTP. */
export function createStateApi(
  store: FlowStore,
  baseUrl: () => string,
  stepTypes: ReadonlySet<string>,
): EmulatorState {
  const dto = (flow: Parameters<typeof renderFlow>[0]): FlowDto =>
    structuredClone(renderFlow(flow, baseUrl()));
  const mustGet = (id: string) => {
    const flow = store.get(id);
    if (flow === undefined) throw new Error(`emulator: no flow with id ${id}`);
    return flow;
  };
  return {
    flows: () => store.all().map(dto),
    get: (id) => {
      const flow = store.get(id);
      return flow === undefined ? undefined : dto(flow);
    },
    count: () => store.size,
    create: (input) => dto(store.create(validateCreate({ ...input }, stepTypes))),
    update: (id, patch) => {
      mustGet(id);
      const { lastRunAt, description, steps, flowSteps, name } = patch;
      const update = validateUpdate({ name, flowSteps: flowSteps ?? steps }, stepTypes);
      const flow = store.update(id, {
        ...update,
        ...(description === undefined ? {} : { description }),
        ...(lastRunAt === undefined ? {} : { lastRunAt }),
      });
      return dto(flow ?? mustGet(id));
    },
    editSteps: (id, steps) => {
      mustGet(id);
      const update = validateUpdate({ flowSteps: steps }, stepTypes);
      return dto(store.update(id, update, 'flow-steps') ?? mustGet(id));
    },
    delete: (id) => store.delete(id),
    publish: (id) => {
      const result = store.publish(id);
      if (!result.ok) throw new Error(`emulator: cannot publish ${id}: ${result.reason}`);
      return result.version.id;
    },
    versions: (id) => {
      const flow = mustGet(id);
      return structuredClone(flow.draft === null ? flow.versions : [...flow.versions, flow.draft]);
    },
    clear: () => store.clear(),
  };
}
