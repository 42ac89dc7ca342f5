import { RuntypeError } from '../errors.js';
import type { ChangeOutcome, OutcomeAction } from './outcome.js';
// errors.js, not the index: importing the index loads the HTTP client (undici, ~140 ms) too.
import { API_ERROR_CODES, ApiError, isApiError } from '../api/errors.js';
import {
  descriptionHash,
  readRemoteFlow,
  type Change,
  type FlowPayload,
  type TrackedFlow,
} from '../plan/index.js';
import { createFlowOnce, dashboardOf, remoteNameConflict } from './create-flow.js';
import { intentBatches, type IntentBatches } from './intent-batches.js';
import { publishFlowOnce, type Published } from './publish-flow.js';
import type { CodeContent } from './version-content.js';
import { readRemoteIfExists } from './read-remote.js';
import { checkWhensRemoved } from './whens-removed.js';
import type { FlowWriter, LockRecorder } from './ports.js';

export interface ExecuteOptions {
  api: FlowWriter;
  lock: LockRecorder;
  concurrency: number;
  /** Act on `delete` changes (sync --prune, already confirmed). */
  prune: boolean;
  /** Overwrite drifted flows (sync --force). */
  force: boolean;
  publish: boolean;
  signal?: AbortSignal;
  onOutcome?: (outcome: ChangeOutcome, done: number, total: number) => void;
}

/**
 * Runs a plan's changes with bounded concurrency. One flow failing never
 * stops the others; every success is recorded in the lock state as it
 * happens, so a crash or Ctrl-C loses nothing already done.
 */
export async function executePlan(
  changes: readonly Change[],
  options: ExecuteOptions,
): Promise<ChangeOutcome[]> {
  const outcomes: ChangeOutcome[] = new Array<ChangeOutcome>(changes.length);
  const intents = intentBatches(changes, options.lock);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < changes.length && !options.signal?.aborted) {
      const index = next++;
      const change = changes[index];
      if (!change) continue;
      const outcome = await applyChange(change, options, intents).catch((error: unknown) =>
        failed(change, error),
      );
      outcomes[index] = outcome;
      done += 1;
      options.onOutcome?.(outcome, done, changes.length);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.concurrency, changes.length)) }, worker),
  );
  return outcomes.filter((o): o is ChangeOutcome => o !== undefined);
}

// --- internal ---

type OutcomeBase = Pick<ChangeOutcome, 'key' | 'name' | 'kind'>;

/** A change made outside the tool that this run leaves alone without --force. */
function refused(base: OutcomeBase, remoteId: string, reason: string): ChangeOutcome {
  return { ...base, status: 'refused', action: 'none', remoteId, reason };
}

/** The code's version (or a pinned one) made live. */
function published(base: OutcomeBase, remoteId: string): ChangeOutcome {
  return { ...base, status: 'applied', action: 'published', published: true, remoteId };
}

/** A publish nothing documented could settle: not live as far as anyone can tell, not failed. */
function liveUnknown(base: OutcomeBase, remoteId: string, reason: string): ChangeOutcome {
  return { ...base, status: 'unchanged', action: 'none', remoteId, liveUnknown: reason };
}

async function applyChange(
  change: Change,
  options: ExecuteOptions,
  intents: IntentBatches,
): Promise<ChangeOutcome> {
  const { api, lock } = options;
  const base = { key: change.key, name: change.name, kind: change.kind };
  switch (change.kind) {
    case 'noop':
      // Content deployed; whether it is live was the plan's call (a publish change, or a pin).
      return { ...base, status: 'unchanged', action: 'none', remoteId: change.remoteId };
    case 'publish': {
      // The live version is behind deployed content (a publish that failed or was not asked for).
      if (!options.publish) {
        return { ...base, status: 'unchanged', action: 'none', remoteId: change.remoteId };
      }
      const live = await publish(options, change.key, change.remoteId, change);
      if (live.unknown !== undefined) return liveUnknown(base, change.remoteId, live.unknown);
      return published(base, change.remoteId);
    }
    case 'live-drift': {
      if (!options.force) {
        return refused(
          base,
          change.remoteId,
          `live version changed outside runtype-flows (now ${change.liveVersionId ?? 'none'}, ` +
            `last made live ${change.expectedVersionId}); re-run with --force to put it back`,
        );
      }
      // Put back the version the tool made live: the code's, or a rollback pin's (kept). The
      // answer names what is live now (the API may publish a copy: api/guesses.ts).
      const answer = await api.publishVersion(change.remoteId, change.expectedVersionId);
      const versionId = answer.versionId ?? change.expectedVersionId;
      if (change.pinned)
        await lock.recordPinned(change.key, { ...change.pinned, versionId, hash: change.hash });
      else await lock.recordPublished(change.key, change.hash, versionId);
      return published(base, change.remoteId);
    }
    case 'conflict':
      return failed(change, remoteNameConflict(change.name, change.remoteIds));
    case 'delete': {
      if (change.alreadyGone) {
        // Gone from the code and from the account: only the lock entry is left to drop.
        await lock.recordForget(change.key);
        return {
          ...base,
          status: 'applied',
          action: 'deleted',
          remoteId: change.remoteId,
          reason: 'already deleted remotely',
        };
      }
      if (!options.prune)
        return {
          ...base,
          status: 'skipped',
          action: 'none',
          remoteId: change.remoteId,
          reason: 'removed from code; deleted only by `sync --prune`',
        };
      await api.deleteFlow(change.remoteId).catch(ignoreNotFound);
      await lock.recordDeleted(change.key);
      return { ...base, status: 'applied', action: 'deleted', remoteId: change.remoteId };
    }
    case 'drift':
      if (!options.force) {
        return refused(
          base,
          change.remoteId,
          'edited outside runtype-flows since the last sync; re-run with --force to overwrite',
        );
      }
      return finish(base, await update(options, change), change, options);
    case 'update':
      return finish(base, await update(options, change), change, options);
    case 'adopt': {
      let result: Written;
      if (change.contentMatches) {
        const entry = writtenEntry(
          change.remoteId,
          change.payload,
          change.hash,
          change.remoteState ?? change.hash,
        );
        await lock.recordWritten(change.key, entry, 'updated');
        result = { id: change.remoteId, action: 'adopted', remoteState: entry.remoteHash };
      } else {
        const written = await update(options, change);
        result = { ...written, action: written.action === 'recreated' ? 'recreated' : 'adopted' };
      }
      if (change.previousKey) await lock.recordForget(change.previousKey);
      if (change.contentMatches && change.alreadyLive) {
        // A key moved in code: its content is live already, as the old key's entry recorded.
        await lock.recordPublished(change.key, change.hash, change.alreadyLive.versionId);
        return { ...base, status: 'applied', action: 'adopted', remoteId: change.remoteId };
      }
      return finish(base, result, change, options);
    }
    case 'create':
    case 'missing': {
      // A create's intent is recorded with its batch's (one sync for many); a recreate's on its own.
      if (change.kind === 'create') await intents.ensure(change);
      const created = await createFlowOnce(api, lock, change.key, change.payload, change.hash, {
        intentRecorded: change.kind === 'create',
      });
      const action = change.kind === 'missing' ? 'recreated' : 'created';
      const written: Written = { id: created.id, action, remoteState: created.remoteHash };
      return finish(base, { ...written, ...pickDashboard(created) }, change, options);
    }
  }
}

/**
 * PUT the payload. A 404 is not taken at its word — the flow was listed moments
 * ago: the account is read again, by id (still there: the update fails, nothing
 * is created) and then by name (an untracked flow of that name is adopted), as
 * an ambiguous create is reconciled; only then is a flow deleted remotely
 * recreated. Never a duplicate.
 */
async function update(options: ExecuteOptions, change: Rewrite): Promise<Written> {
  const { key, remoteId: id, payload, hash } = change;
  const { api, lock } = options;
  try {
    await lock.recordAttempt(
      key,
      readRemoteFlow({ name: payload.name, flowSteps: payload.steps }).stateHash,
    );
    const remote = await api.updateFlow(id, payload);
    const remoteState = readRemoteFlow(remote).stateHash;
    await lock.recordWritten(
      key,
      writtenEntry(id, payload, hash, remoteState, remote.updatedAt),
      'updated',
    );
    await checkWhensRemoved(api, id, change);
    return { id, action: 'updated', remoteState, ...dashboardOf(remote) };
  } catch (error) {
    if (!isApiError(error, API_ERROR_CODES.notFound)) throw error;
    if (await stillThere(api, id)) throw error;
    const created = await createFlowOnce(api, lock, key, payload, hash, { lookUpFirst: true });
    return {
      id: created.id,
      action: created.reconciled ? 'adopted' : 'recreated',
      remoteState: created.remoteHash,
      ...pickDashboard(created),
    };
  }
}

/** A change that rewrites a remote flow with the code's payload (`before`: as it was read). */
type Rewrite = Pick<
  Extract<Change, { kind: 'update' }>,
  'key' | 'remoteId' | 'payload' | 'hash'
> & {
  before?: FlowPayload | undefined;
};

async function stillThere(api: ExecuteOptions['api'], id: string): Promise<boolean> {
  return (await readRemoteIfExists(api, id, false)) !== undefined;
}

/**
 * What a write made: the remote id, what it was, the remote state it was answered with, and the
 * dashboard link when the API gave one.
 */
type Written = { id: string; action: OutcomeAction; remoteState?: string; dashboardUrl?: string };

function pickDashboard(from: { dashboardUrl?: string }): { dashboardUrl?: string } {
  return from.dashboardUrl === undefined ? {} : { dashboardUrl: from.dashboardUrl };
}

async function finish(
  base: Pick<ChangeOutcome, 'key' | 'name' | 'kind'>,
  result: Written,
  { payload, hash }: CodeContent,
  options: ExecuteOptions,
): Promise<ChangeOutcome> {
  const outcome: ChangeOutcome = {
    ...base,
    status: 'applied',
    action: result.action,
    remoteId: result.id,
    ...pickDashboard(result),
  };
  if (options.publish) {
    const code = { payload, hash, remoteState: result.remoteState };
    const live = await publish(options, base.key, result.id, code);
    if (live.unknown === undefined) outcome.published = true;
    else outcome.liveUnknown = live.unknown;
  }
  return outcome;
}

/**
 * Publishes and records which content is live, and as which version. A failed
 * publish fails this flow's outcome; since it was not recorded, the next sync
 * plans a `publish` for it even though the content did not change. One nothing
 * can settle is not recorded either, and says why (`unknown`).
 */
async function publish(
  options: ExecuteOptions,
  key: string,
  id: string,
  code: CodeContent,
): Promise<Published> {
  const live = await publishFlowOnce(options.api, id, code);
  if (live.unknown === undefined)
    await options.lock.recordPublished(key, code.hash, live.versionId);
  return live;
}

/**
 * The lock entry of a write. The description is recorded as the code has it
 * although only a create sends it: the plan's note about a description the
 * API cannot update is shown until the flow's next write, not forever.
 */
function writtenEntry(
  id: string,
  payload: FlowPayload,
  hash: string,
  remoteHash: string,
  updatedAt?: string,
): TrackedFlow {
  const description = descriptionHash(payload);
  return {
    id,
    hash,
    name: payload.name,
    remoteHash,
    ...(description ? { descriptionHash: description } : {}),
    ...(updatedAt ? { updatedAt } : {}),
  };
}

function failed(change: Change, error: unknown): ChangeOutcome {
  const code = error instanceof RuntypeError ? error.code : 'UNEXPECTED';
  const message = error instanceof Error ? error.message : String(error);
  const details =
    error instanceof ApiError && error.details.length > 0 ? { details: [...error.details] } : {};
  const base = { key: change.key, name: change.name, kind: change.kind };
  return { ...base, status: 'failed', action: 'none', error: { code, message, ...details } };
}

function ignoreNotFound(error: unknown): void {
  if (isApiError(error, API_ERROR_CODES.notFound)) return;
  throw error;
}
