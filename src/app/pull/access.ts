import type { LockRecorder } from '../../apply/ports.js';
import type { Project } from '../../load/project/load-project.js';
import type { LockEntry } from '../../state/index.js';
import { connect, type ConnectedApi } from '../connect.js';
import type { AppContext } from '../context.js';
import type { TargetInfo } from '../results.js';
import type { Target } from '../target.js';

/**
 * What a pull holds while it works: the API, the lock state, and (unless a dry run) a way to
 * record.
 */
export interface PullAccess {
  api: ConnectedApi;
  tracked: ReadonlyMap<string, LockEntry>;
  /** Absent for a dry run, which records nothing. */
  writer?: { recorder: LockRecorder; commit(): Promise<void> };
  info: TargetInfo;
  close(): Promise<void>;
}

/**
 * A pull records what it wrote the way `sync` does — under the writer lock,
 * through the journal — so it connects to write like `sync`; a dry run reads
 * the lock state like `plan` (no lock taken, the embedded emulator read-only).
 */
export async function openPullAccess(
  ctx: AppContext,
  project: Project,
  target: Target,
  dryRun: boolean,
): Promise<PullAccess> {
  if (dryRun) {
    const connection = await connect(ctx, project, target, 'read-only');
    const { api, info } = connection;
    return { api, tracked: connection.lock.entries(), info, close: () => connection.close() };
  }
  const connection = await connect(ctx, project, target, 'write');
  const { api, info, recorder } = connection;
  const writer = { recorder, commit: () => connection.commit() };
  return { api, tracked: connection.lock.entries(), writer, info, close: () => connection.close() };
}
