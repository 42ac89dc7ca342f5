import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as codegenModule from '../../codegen/index.js';
import type { ComputedValue, PullNote } from '../../codegen/index.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import { contentHash, descriptionHash, toFlowPayload, type RemoteFlow } from '../../plan/index.js';
import type { PullSelection } from './select.js';

type Codegen = typeof codegenModule;

/** One module a pull would write (or leave as it is), with everything the lock state needs. */
export interface PlannedModule {
  selection: PullSelection;
  key: string;
  file: string;
  /** The module's text now; undefined for a new file. */
  before?: string;
  text: string;
  changed: string[];
  computed: ComputedValue[];
  notes: PullNote[];
  /** The code's content hash once written (undefined: the flow would not validate). */
  hash?: string;
  remote: RemoteFlow;
  descriptionHash?: string;
  /**
   * The module holds work the remote does not have (unsynced edits, or an untracked flow that
   * differs).
   */
  differs: boolean;
  diagnostics: Diagnostic[];
}

export interface RenderContext {
  codegen: Codegen;
  outDir: string;
  force: boolean;
  extraStepTypes: readonly string[];
  /** Keys in use (code, lock state, this pull): a new flow's key must differ from all of them. */
  takenKeys: Set<string>;
  /** Files this pull already claimed. */
  takenFiles: Set<string>;
}

/**
 * The module for one selected remote flow: generated when the code has no
 * flow for it (under a fresh key and file name), or the existing module
 * edited where the remote differs.
 */
export async function renderModule(
  ctx: RenderContext,
  selection: PullSelection,
  remote: RemoteFlow,
): Promise<PlannedModule> {
  const { codegen } = ctx;
  const notes: PullNote[] = [];
  const key = selection.key ?? freshKey(ctx, remote.payload.name, notes);
  ctx.takenKeys.add(key);
  const { flow: written, notes: codegenNotes } = codegen.toWrittenFlow(remote, key);
  notes.push(...codegenNotes);
  const file = selection.existing?.file ?? freshFile(ctx, key, notes);
  ctx.takenFiles.add(file);
  const checked = codegen.checkWritten(written, { file, extraStepTypes: ctx.extraStepTypes });
  const base = {
    selection,
    key,
    file,
    notes,
    remote,
    diagnostics: checked.diagnostics,
    ...(checked.hash ? { hash: checked.hash } : {}),
  };
  const existing = selection.existing;
  if (!existing) {
    const text = codegen.moduleSource(written, path.basename(file));
    return { ...base, text, changed: [], computed: [], differs: false };
  }
  const before = await readFile(existing.file, 'utf8');
  const steps = checked.payload?.steps ?? remote.payload.steps;
  const edit = codegen.editFlowFile(
    { name: existing.file, text: before },
    existing.flow,
    { written, steps },
    ctx.force,
  );
  const codeHash = contentHash(toFlowPayload(existing.flow));
  const kept = selection.tracked ? codeHash !== selection.tracked.hash : codeHash !== checked.hash;
  const description = descriptionHash({ description: existing.flow.description });
  return {
    ...base,
    before,
    text: edit.text,
    changed: edit.changed,
    computed: edit.computed,
    differs: kept && edit.text !== before,
    ...(description === undefined ? {} : { descriptionHash: description }),
  };
}

// --- internal ---

function freshKey(ctx: RenderContext, name: string, notes: PullNote[]): string {
  const base = ctx.codegen.flowKeyOf(name);
  const key = ctx.codegen.uniqueName(
    base,
    (k) => ctx.takenKeys.has(k) || fileTaken(ctx, path.join(ctx.outDir, `${k}.ts`)),
  );
  if (key !== base)
    notes.push({
      path: 'key',
      message:
        `"${base}" is already a key or a file in ${path.basename(ctx.outDir)}/: ` +
        `pulled as "${key}"`,
    });
  return key;
}

/**
 * A tracked flow whose module is gone gets its key back, in a file of its name (or a distinct one).
 */
function freshFile(ctx: RenderContext, key: string, notes: PullNote[]): string {
  const stem = ctx.codegen.uniqueName(key, (s) => fileTaken(ctx, path.join(ctx.outDir, `${s}.ts`)));
  if (stem !== key)
    notes.push({ path: 'file', message: `${key}.ts already exists: written to ${stem}.ts` });
  return path.join(ctx.outDir, `${stem}.ts`);
}

function fileTaken(ctx: RenderContext, file: string): boolean {
  return ctx.takenFiles.has(file) || existsSync(file);
}
