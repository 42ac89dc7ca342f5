/**
 * Brings a loaded state file (version 1 or 2) to the current stored shape. Version 1 predates
 * the OpenAPI document: a step's `when` could be any JSON and `order` any number, versions had
 * no name, flows had a `status`. Idempotent, so version 2 files go through it unchanged.
 */
import type { StoredFlow, StoredStep, StoredVersion } from './types.js';

interface LoadedStep extends Omit<StoredStep, 'when'> {
  when?: unknown;
}

interface LoadedVersion extends Omit<StoredVersion, 'name' | 'steps'> {
  name?: string | undefined;
  steps: LoadedStep[];
}

export interface LoadedFlow extends Omit<StoredFlow, 'steps' | 'draft' | 'versions'> {
  steps: LoadedStep[];
  draft: LoadedVersion | null;
  versions: LoadedVersion[];
}

export function migrateFlows(flows: readonly LoadedFlow[]): StoredFlow[] {
  return flows.map((flow) => ({
    ...flow,
    steps: flow.steps.map(migrateStep),
    draft: flow.draft === null ? null : migrateVersion(flow.draft, flow.name),
    versions: flow.versions.map((v) => migrateVersion(v, flow.name)),
  }));
}

// --- internal ---

function migrateVersion(version: LoadedVersion, flowName: string): StoredVersion {
  return { ...version, name: version.name ?? flowName, steps: version.steps.map(migrateStep) };
}

/** `order` becomes an integer >= 0 (the documented type); a non-string `when` its JSON text. */
function migrateStep(step: LoadedStep): StoredStep {
  const { when, ...rest } = step;
  const order =
    Number.isInteger(rest.order) && rest.order >= 0
      ? rest.order
      : Math.max(0, Math.round(rest.order));
  const migrated: StoredStep = { ...rest, order };
  if (when !== undefined) migrated.when = typeof when === 'string' ? when : JSON.stringify(when);
  return migrated;
}
