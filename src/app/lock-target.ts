import type { LockRecorder } from '../apply/ports.js';
import { lockPaths, type LockStore, type LockStoreOptions } from '../state/index.js';
import { EMULATOR_LOCK_URL } from './open-session.js';
import type { AppContext } from './context.js';
import type { Target } from './resolve-target.js';

/** Where a target's lock state lives and which URL its section is bound to. */
export function lockTarget(root: string, target: Target): Omit<LockStoreOptions, 'writerLock'> {
  return {
    root,
    section: target.lockSection,
    apiUrl: target.kind === 'emulator' ? EMULATOR_LOCK_URL : target.apiUrl,
    location: target.lockLocation,
  };
}

/** The lockfile a target's lock state is kept in (for display; reading it takes lockTarget). */
export function lockFileOf(where: Omit<LockStoreOptions, 'writerLock'>): string {
  return lockPaths(where.root, where.location, where.section).lockfile;
}

/** Adapts the lock store to what apply records as it goes. */
export function lockRecorder(store: LockStore): LockRecorder {
  return {
    recordIntent: (key, name, hash) => store.recordIntent({ key, name, hash }),
    recordWritten: (key, entry, op) => (op === 'created' ? store.recordCreated({ key, ...entry }) : store.recordUpdated({ key, ...entry })),
    recordAttempt: (key, stateHash) => store.recordAttempt({ key, stateHash }),
    recordPublished: (key, hash) => store.recordPublished({ key, hash }),
    recordDeleted: (key) => store.recordDeleted({ key }),
    recordForget: (key) => store.recordForget({ key }),
    trackedIds: () => new Set([...store.entries().values()].map((e) => e.id)),
  };
}

/** Says what opening the lock store folded in from an interrupted run (creates merely still in doubt are not news). */
export function announceRecovery(ctx: Pick<AppContext, 'reporter'>, store: LockStore): void {
  if (store.recovered.records > 0) ctx.reporter.info(`recovered ${store.recovered.records} journal record(s) from an interrupted run`);
}
