import type { Project } from '../load/load-project.js';
import { readLockState, type LockEntry, type LockStore } from '../state/index.js';
import type { AppContext } from './context.js';
import { lockFileOf, lockTarget } from './lock-target.js';
import { openSession, type Session } from './open-session.js';
import { closeTarget, openTarget } from './open-target.js';
import { targetInfo } from './prepare-plan.js';
import type { Target } from './resolve-target.js';
import type { TargetInfo } from './results.js';

/** What a pull holds while it works: the API session, the lock state, and (unless a dry run) the writer lock. */
export interface PullAccess {
  session: Session;
  tracked: ReadonlyMap<string, LockEntry>;
  /** Absent for a dry run, which records nothing. */
  store?: LockStore;
  info: TargetInfo;
  close(): Promise<void>;
}

/**
 * A pull records what it wrote the way `sync` does — under the writer lock,
 * through the journal — so it opens the target like `sync`; a dry run reads
 * the lock state like `plan` (no lock taken, the embedded emulator read-only).
 */
export async function openPullAccess(ctx: AppContext, project: Project, target: Target, dryRun: boolean): Promise<PullAccess> {
  if (!dryRun) {
    const open = await openTarget(ctx, project.root, target, project.config);
    return { session: open.session, tracked: open.store.entries(), store: open.store, info: open.info, close: () => closeTarget(open) };
  }
  const where = lockTarget(project.root, target);
  const state = await readLockState(where);
  const session = await openSession(ctx, project.root, target, project.config.concurrency, {
    readOnly: true,
    extraStepTypes: project.config.extraStepTypes,
  });
  return {
    session,
    tracked: state.entries,
    info: targetInfo(project.root, target, session, lockFileOf(where)),
    close: () => session.close(),
  };
}
