import type { LockRecorder } from '../../apply/ports.js';
import { writeFileAtomic } from '../../state/index.js';
import type { AppContext } from '../context.js';
import { loadProjectOf, toDesiredFlows } from '../project.js';
import type { PlannedModule } from './render.js';

/**
 * Writes each module whose text is new, side by side, each whole or not at all (an editor or a
 * watch never reads half a module); folders are made as needed.
 */
export async function writeModules(modules: readonly PlannedModule[]): Promise<void> {
  const changed = modules.filter((m) => m.before !== m.text);
  await Promise.all(changed.map((m) => writeFileAtomic(m.file, m.text)));
}

/**
 * The content hash of edited modules, read back by loading the project: an
 * edit keeps code `pull` did not write (computed values, helpers), so only
 * the module itself says exactly what it now produces.
 */
export async function rehashEdited(ctx: AppContext, modules: PlannedModule[]): Promise<void> {
  const edited = modules.filter((m) => m.before !== undefined && m.before !== m.text);
  if (edited.length === 0) return;
  const project = await loadProjectOf(ctx);
  const hashes = new Map(toDesiredFlows(project.flows).map((d) => [d.key, d.hash]));
  for (const module of edited) {
    const expected = module.hash;
    const hash = hashes.get(module.key);
    if (hash !== undefined) module.hash = hash;
    else delete module.hash;
    if (hash !== expected) {
      const message =
        'the edited module does not produce the remote flow exactly; `plan` shows the difference';
      module.notes.push({ path: '(flow)', message });
    }
  }
}

/**
 * Records each pulled flow the way sync records an adoption: `hash` the code's
 * content hash, `remoteHash` the remote's drift baseline, and the flow as
 * published when its live version is its current content (so the next sync
 * neither writes nor publishes anything).
 */
export async function recordPulled(
  writer: { recorder: LockRecorder; commit(): Promise<void> },
  modules: readonly PlannedModule[],
  /** Flow id → its live version, for the flows whose live version is their current content. */
  live: ReadonlyMap<string, string>,
): Promise<Set<string>> {
  const lock = writer.recorder;
  const recorded = new Set<string>();
  for (const m of modules) {
    if (m.hash === undefined) continue;
    const id = m.selection.remote.id;
    const entry = {
      id,
      hash: m.hash,
      name: m.remote.payload.name,
      remoteHash: m.remote.stateHash,
      ...(m.descriptionHash ? { descriptionHash: m.descriptionHash } : {}),
    };
    await lock.recordWritten(m.key, entry, 'updated');
    const liveVersionId = live.get(id);
    if (liveVersionId !== undefined) await lock.recordPublished(m.key, m.hash, liveVersionId);
    recorded.add(m.key);
  }
  await writer.commit();
  return recorded;
}
