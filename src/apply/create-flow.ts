// errors.js, not the index: importing the index loads the HTTP client (undici, ~140 ms) too.
import { API_ERROR_CODES, isApiError } from '../api/errors.js';
import { RuntypeError } from '../errors.js';
import {
  descriptionHash,
  readRemoteFlow,
  remoteMatchesCode,
  usesWhen,
  type FlowPayload,
} from '../plan/index.js';
import type { FlowWriter, LockRecorder, RemoteFlowDto } from './ports.js';
import { readRemote } from './read-remote.js';

/**
 * How many times a create is re-sent after reconciling showed that the earlier attempt did not
 * land.
 */
export const MAX_CREATE_ATTEMPTS = 6;

export interface CreatedFlow {
  id: string;
  remoteHash: string;
  /** True when reconciliation found that an earlier, ambiguous POST had landed. */
  reconciled: boolean;
  dashboardUrl?: string;
}

export interface CreateOptions {
  /**
   * Look the name up in the account before the first POST too, not only after
   * an ambiguous one: the flow is believed gone (a 404 on its update), and a
   * wrong belief must adopt, never duplicate.
   */
  lookUpFirst?: boolean;
  /** The caller already made the intent durable (a batch of creates, see intent-batches.ts). */
  intentRecorded?: boolean;
}

/**
 * Creates a flow without ever duplicating it. The intent is durable before
 * the POST. A POST whose fate is unknown (timeout, reset after sending, 5xx)
 * is never blindly retried: the account is searched for the exact name, and
 * an untracked flow found there is adopted (updated if its content differs)
 * instead of posting again.
 */
/** The response's dashboard link, when it has one. */
export function dashboardOf(remote: RemoteFlowDto): { dashboardUrl?: string } {
  const url = remote.dashboardUrl;
  return typeof url === 'string' && url !== '' ? { dashboardUrl: url } : {};
}

export async function createFlowOnce(
  api: FlowWriter,
  lock: LockRecorder,
  key: string,
  payload: FlowPayload,
  hash: string,
  options: CreateOptions = {},
): Promise<CreatedFlow> {
  if (options.intentRecorded !== true) await lock.recordIntent(key, payload.name, hash);
  if (options.lookUpFirst) {
    const adopted = await adoptLanded(api, lock, key, payload, hash);
    if (adopted) return adopted;
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      const created = await api.createFlow(payload);
      return await record(lock, key, payload, hash, created, false);
    } catch (error) {
      if (!isAmbiguous(error) || attempt >= MAX_CREATE_ATTEMPTS) throw error;
    }
    const adopted = await adoptLanded(api, lock, key, payload, hash);
    if (adopted) return adopted;
  }
}

/** Several untracked remote flows carry one name: adopting any would be a guess. */
export function remoteNameConflict(name: string, ids: readonly string[]): RuntypeError {
  return new RuntypeError(
    'REMOTE_NAME_CONFLICT',
    `Several untracked remote flows are named "${name}": ${ids.join(', ')}`,
    {
      hint: 'Delete or rename the extra remote flows (or rename this flow), then run sync again.',
      meta: { name, ids: [...ids] },
    },
  );
}

export function isAmbiguous(error: unknown): boolean {
  return isApiError(error, API_ERROR_CODES.ambiguousWrite);
}

// --- internal ---

/**
 * An untracked remote flow of this name, taken over (updated if its content differs); undefined if
 * none.
 */
async function adoptLanded(
  api: FlowWriter,
  lock: LockRecorder,
  key: string,
  payload: FlowPayload,
  hash: string,
) {
  const landed = await findLanded(api, lock, payload.name);
  if (!landed) return undefined;
  const { dto, remote } = await readRemote(api, landed, usesWhen(payload));
  const matches = remoteMatchesCode(remote, payload, hash);
  const synced = matches ? dto : await api.updateFlow(landed, payload);
  return record(lock, key, payload, hash, { ...synced, id: landed }, true);
}

async function findLanded(
  api: FlowWriter,
  lock: LockRecorder,
  name: string,
): Promise<string | undefined> {
  const tracked = lock.trackedIds();
  const untracked = (flows: { id: string; name: string }[]) =>
    flows.filter((f) => f.name === name && !tracked.has(f.id));
  let candidates = untracked(await api.findFlowsByName(name));
  // The search endpoint's matching is not documented (escaping, prefixes): before
  // concluding "it did not land" and posting again, confirm with the full listing.
  if (candidates.length === 0) candidates = untracked(await api.listFlows());
  if (candidates.length > 1)
    throw remoteNameConflict(
      name,
      candidates.map((c) => c.id),
    );
  return candidates[0]?.id;
}

async function record(
  lock: LockRecorder,
  key: string,
  payload: FlowPayload,
  hash: string,
  remote: RemoteFlowDto,
  reconciled: boolean,
): Promise<CreatedFlow> {
  const remoteHash = readRemoteFlow(remote).stateHash;
  const description = descriptionHash(payload);
  const entry = {
    id: remote.id,
    hash,
    name: payload.name,
    remoteHash,
    ...(description ? { descriptionHash: description } : {}),
    ...(remote.updatedAt ? { updatedAt: remote.updatedAt } : {}),
  };
  await lock.recordWritten(key, entry, 'created');
  return { id: remote.id, remoteHash, reconciled, ...dashboardOf(remote) };
}
