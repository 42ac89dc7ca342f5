import { connect } from '../connect.js';
import { preloadApiClient } from '../open-api.js';
import type { AppContext } from '../context.js';
import { resolveVersion, trackedKey } from './flow-versions.js';
import { loadProjectAndTarget } from '../project.js';
import { rerunCommand } from '../rerun-command.js';
import type { RollbackResult } from '../results.js';

export interface RollbackOptions {
  envName?: string;
  key: string;
  /** `previous`, a version number (`3`, `v3`) or a version id. */
  to: string;
  /** Confirms without a prompt (required without a terminal). */
  yes?: boolean;
  /** The argv to show in the "re-run with" hint. */
  argv?: readonly string[];
}

/**
 * `rollback KEY --to VERSION`: makes that version live (POST
 * /v1/flow-versions/{flowId}/publish) and pins the flow to it with the code's
 * hash of this moment, so `sync` leaves it live until the flow's code changes.
 * Making a version live changes what products run, so it is confirmed: asked
 * on a terminal, `--yes` without one; otherwise nothing is written (exit 2).
 */
export async function runRollback(
  ctx: AppContext,
  options: RollbackOptions,
): Promise<RollbackResult> {
  preloadApiClient(); // while the flows load
  const { project, target, desired } = await loadProjectAndTarget(ctx, options.envName);
  const connection = await connect(ctx, project, target, 'write');
  try {
    const lock = connection.lock.entries();
    const { key, entry, code } = trackedKey(options.key, lock, desired, target.environment);
    const list = await connection.api.listVersions(entry.id);
    const version = resolveVersion(options.to, list, entry);
    const live = list.publishedVersionId ?? null;
    const liveNumber = list.versions.find((v) => v.id === live)?.versionNumber ?? null;
    const result: RollbackResult = {
      command: 'rollback',
      ok: true,
      target: connection.info,
      key,
      name: code?.payload.name ?? entry.name,
      remoteId: entry.id,
      from: { versionId: live, versionNumber: liveNumber },
      to: { versionId: version.id, versionNumber: version.versionNumber ?? null },
      changed: version.id !== live,
    };
    const label = `version ${version.versionNumber ?? version.id}`;
    if (!options.yes && !(await confirmRollback(ctx, key, label))) {
      const rerun = rerunCommand(options.argv, '--yes');
      return { ...result, blocked: { reason: 'confirmation', keys: [key], rerun } };
    }
    if (result.changed) await connection.api.publishVersion(entry.id, version.id);
    // The pin holds while the code is as it is now; the next change to it releases the pin.
    const pin = {
      versionId: version.id,
      ...(version.versionNumber === undefined ? {} : { versionNumber: version.versionNumber }),
      hash: code?.hash ?? entry.hash,
    };
    await connection.recorder.recordPinned(key, pin);
    await connection.commit();
    return result;
  } finally {
    await connection.close();
  }
}

// --- internal ---

/** Asked only on a terminal; without one, --yes is the only way to confirm. */
async function confirmRollback(ctx: AppContext, key: string, label: string): Promise<boolean> {
  if (!ctx.interactive) return false;
  ctx.reporter.info(`rollback makes ${label} of ${key} live: products run it at once`);
  return ctx.confirm(`Make ${label} live?`);
}
