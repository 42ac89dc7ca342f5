import type { VersionSummary } from '../../apply/ports.js';
import { readRemoteIfExists } from '../../apply/read-remote.js';
import type { TrackedFlow } from '../../plan/index.js';
import { connect, type WriteConnection } from '../connect.js';
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
    const made = result.changed
      ? await makeLive(connection, key, entry, version)
      : numbered(version.id, version.versionNumber);
    // The pin holds while the code is as it is now; the next change to it releases the pin.
    const pin = { ...made, hash: code?.hash ?? entry.hash };
    await connection.recorder.recordPinned(key, pin);
    await connection.commit();
    return result;
  } finally {
    await connection.close();
  }
}

// --- internal ---

/**
 * Publishes the version and returns the one live now: the API may make a copy of it live, whose
 * content becomes the flow's (api/guesses.ts, `publish-version-moves-pointer`). The flow as it
 * is then is the tool's own doing, not an edit made elsewhere: recorded as one of its own states
 * (as an update in doubt is), unless the flow had drifted before (that stays visible).
 */
async function makeLive(
  connection: WriteConnection,
  key: string,
  entry: TrackedFlow,
  version: VersionSummary,
): Promise<{ versionId: string; versionNumber?: number }> {
  const { api, recorder } = connection;
  const own = new Set([entry.remoteHash ?? entry.hash, ...(entry.attempted ?? [])]);
  const before = await readRemoteIfExists(api, entry.id, false);
  const answer = await api.publishVersion(entry.id, version.id);
  const after = await readRemoteIfExists(api, entry.id, false);
  if (before && after && own.has(before.stateHash) && !own.has(after.stateHash)) {
    await recorder.recordAttempt(key, after.stateHash);
  }
  const live = answer.versionId ?? version.id;
  if (live === version.id) return numbered(live, version.versionNumber);
  // A copy: its number is the versions list's to say.
  const list = await api.listVersions(entry.id);
  return numbered(live, list.versions.find((v) => v.id === live)?.versionNumber);
}

function numbered(
  versionId: string,
  versionNumber: number | undefined,
): { versionId: string; versionNumber?: number } {
  return versionNumber === undefined ? { versionId } : { versionId, versionNumber };
}

/** Asked only on a terminal; without one, --yes is the only way to confirm. */
async function confirmRollback(ctx: AppContext, key: string, label: string): Promise<boolean> {
  if (!ctx.interactive) return false;
  ctx.reporter.info(`rollback makes ${label} of ${key} live: products run it at once`);
  return ctx.confirm(`Make ${label} live?`);
}
