import path from 'node:path';
import { RuntypeError } from '../../errors.js';
import { readRemoteFlow, type RemoteFlow } from '../../plan/index.js';
import { connect, type OnlineConnection } from '../connect.js';
import type { AppContext } from '../context.js';
import { loadValidProject } from '../project.js';
import { chooseTarget } from '../target.js';
import { resolveOutDir } from './out-dir.js';
import { findRefusal } from './refusals.js';
import { renderModule, type PlannedModule } from './render.js';
import type { PullResult } from '../results.js';
import { selectFlows, type ListedFlow, type PullSelection } from './select.js';
import { recordPulled, rehashEdited, writeModules } from './write.js';
import { readProgress } from '../progress.js';

export interface PullOptions {
  envName?: string;
  /** Tracked keys, remote ids or exact remote names. */
  names: readonly string[];
  /** Every remote flow the lock state does not track. */
  all?: boolean;
  out?: string;
  dryRun?: boolean;
  /** Overwrite modules holding work the remote lacks, and computed values. */
  force?: boolean;
  allowDirty?: boolean;
  argv?: readonly string[];
}

/**
 * `pull`: reads remote flows and writes them as code — new modules for
 * flows the code lacks, edits of the existing module for tracked ones —
 * then records each in the lock state, so the next `plan` shows no change
 * and `sync` sends nothing. Nothing remote changes. Any refusal (see
 * findRefusal) writes nothing at all.
 */
export async function runPull(ctx: AppContext, options: PullOptions): Promise<PullResult> {
  const started = ctx.now().getTime();
  if (!options.all && options.names.length === 0) {
    throw new RuntypeError(
      'PULL_NOTHING_NAMED',
      'pull needs --all or the flows to pull (tracked keys, remote ids or names)',
      {
        hint:
          '`runtype-flows pull --all` takes every remote flow the lock state does not track; ' +
          '`status --all` lists them.',
      },
    );
  }
  const project = await loadValidProject(ctx);
  const target = chooseTarget(ctx, project.config, options.envName);
  const outDir = resolveOutDir(project.root, project.config.flows, options.out, ctx.cwd);
  const codegen = await import('../../codegen/index.js');
  // A pull records what it wrote the way `sync` does (under the writer lock, through the
  // journal); a dry run reads the lock state like `plan` (no lock taken, the emulator read-only).
  const mode = options.dryRun === true ? 'read-only' : 'write';
  const connection: OnlineConnection = await connect(ctx, project, target, mode);
  try {
    const tracked = connection.lock.entries();
    const listed = (await connection.api.listFlows()) as ListedFlow[];
    const { selected, skipped } = selectFlows(options.names, options.all === true, {
      listed,
      tracked,
      code: project.flows,
    });
    const remotes = await readSelected(ctx, connection, selected);
    const takenKeys = new Set([...project.flows.map((f) => f.flow.key), ...tracked.keys()]);
    const rctx = {
      codegen,
      outDir,
      force: options.force === true,
      extraStepTypes: project.config.extraStepTypes,
      takenKeys,
      takenFiles: new Set<string>(),
    };
    const modules: PlannedModule[] = [];
    for (const selection of selected)
      modules.push(await renderModule(rctx, selection, remotes.get(selection.remote.id)!.flow));
    const { blocked, warnings } = await findRefusal(ctx, project.root, modules, options);
    let recorded = new Set<string>();
    if (!blocked && connection.mode === 'write') {
      await writeModules(modules);
      await rehashEdited(ctx, modules);
      const live = new Map(
        [...remotes].flatMap(([id, r]) =>
          r.liveVersionId ? [[id, r.liveVersionId] as const] : [],
        ),
      );
      recorded = await recordPulled(connection, modules, live);
    }
    const diagnostics = modules.flatMap((m) => m.diagnostics);
    return {
      command: 'pull',
      ok: modules.every((m) => m.hash !== undefined),
      target: connection.info,
      dryRun: options.dryRun === true,
      outDir: path.relative(project.root, outDir) || '.',
      flows: modules.map((m) => pulledFlow(project.root, m, recorded)),
      skipped,
      duplicateNames: duplicateNames(modules),
      ...(blocked ? { blocked } : {}),
      warnings,
      diagnostics,
      durationMs: ctx.now().getTime() - started,
    };
  } finally {
    await connection.close();
  }
}

// --- internal ---

/**
 * Each selected flow in full: its steps with their `when`, and whether its live version is its
 * content.
 */
async function readSelected(
  ctx: AppContext,
  connection: OnlineConnection,
  selected: readonly PullSelection[],
) {
  const { api } = connection;
  const progress = readProgress(ctx);
  /** `liveVersionId`: set when the live version is the flow's current content. */
  const out = new Map<string, { flow: RemoteFlow; liveVersionId?: string }>();
  let done = 0;
  await Promise.all(
    selected.map(async ({ remote }) => {
      const [flow, steps, state] = await Promise.all([
        api.getFlow(remote.id),
        api.getFlowSteps(remote.id),
        api.getPublishState(remote.id),
      ]);
      out.set(remote.id, {
        flow: readRemoteFlow(flow, steps.data),
        ...(state.publishedVersionId !== undefined && !state.draftPending
          ? { liveVersionId: state.publishedVersionId }
          : {}),
      });
      progress((done += 1), selected.length);
    }),
  );
  return out;
}

function pulledFlow(
  root: string,
  m: PlannedModule,
  recorded: ReadonlySet<string>,
): PullResult['flows'][number] {
  const action = m.before === undefined ? 'created' : m.before === m.text ? 'unchanged' : 'updated';
  return {
    key: m.key,
    name: m.remote.payload.name,
    remoteId: m.selection.remote.id,
    file: path.relative(root, m.file),
    action,
    ...(action === 'updated' ? { changed: m.changed } : {}),
    notes: m.notes,
    recorded: recorded.has(m.key),
  };
}

function duplicateNames(modules: readonly PlannedModule[]): PullResult['duplicateNames'] {
  const byName = new Map<string, PlannedModule[]>();
  for (const m of modules)
    byName.set(m.remote.payload.name, [...(byName.get(m.remote.payload.name) ?? []), m]);
  return [...byName]
    .filter(([, list]) => list.length > 1)
    .map(([name, list]) => ({
      name,
      keys: list.map((m) => m.key),
      remoteIds: list.map((m) => m.selection.remote.id),
    }));
}
