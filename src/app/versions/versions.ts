import { newestVersion } from '../../api/version-list.js';
import type { VersionSummary } from '../../apply/ports.js';
import { readRemote } from '../../apply/read-remote.js';
import { flowHoldsCode, versionHoldsCode, type CodeContent } from '../../apply/version-content.js';
import { usesWhen } from '../../plan/index.js';
import { connect, type OnlineConnection } from '../connect.js';
import { preloadApiClient } from '../open-api.js';
import type { AppContext } from '../context.js';
import { trackedKey } from './flow-versions.js';
import { loadProjectAndTarget } from '../project.js';
import type { VersionsResult } from '../results.js';

export interface VersionsOptions {
  envName?: string;
  key: string;
}

/**
 * `versions KEY`: the flow's versions, newest first, each with whether it is live and whether it
 * holds the code. Read-only. The newest version holds the flow's current content, which GET
 * /v1/flows/{id} answers (api/guesses.ts, `current-is-newest`): it is compared from that,
 * whatever the versions' `flowConfig` looks like. Each other version is compared from its
 * `flowConfig` (one GET a version, through the client's bounded concurrency); one that cannot be
 * read is marked unknown, never as holding the code.
 */
export async function runVersions(
  ctx: AppContext,
  options: VersionsOptions,
): Promise<VersionsResult> {
  preloadApiClient(); // while the flows load
  const { project, target, desired } = await loadProjectAndTarget(ctx, options.envName);
  const connection = await connect(ctx, project, target, 'read-only');
  try {
    const { key, entry, code } = trackedKey(
      options.key,
      connection.lock.entries(),
      desired,
      target.environment,
    );
    const list = await connection.api.listVersions(entry.id);
    const live = list.publishedVersionId ?? null;
    const sorted = [...list.versions].sort(
      (a, b) => (b.versionNumber ?? 0) - (a.versionNumber ?? 0),
    );
    const content: CodeContent | undefined = code && {
      payload: code.payload,
      hash: code.hash,
      // The state the tool's write of exactly this code was answered with.
      remoteState: entry.hash === code.hash ? entry.remoteHash : undefined,
    };
    const holds = content && (await holdsCode(connection, entry.id, sorted, content));
    const versions = await Promise.all(
      sorted.map(async (v) => {
        const matches = (await holds?.(v)) ?? false;
        return {
          id: v.id,
          number: v.versionNumber ?? null,
          type: v.versionType ?? null,
          createdAt: v.createdAt ?? null,
          label: v.label ?? null,
          live: v.id === live,
          matchesCode: matches === true,
          ...(matches === undefined ? { contentUnknown: true as const } : {}),
        };
      }),
    );
    const pin = entry.pin?.hash === code?.hash ? entry.pin : undefined;
    return {
      command: 'versions',
      ok: true,
      target: connection.info,
      key,
      name: code?.payload.name ?? entry.name,
      remoteId: entry.id,
      liveVersionId: live,
      inCode: code !== undefined,
      ...(pin ? { pinned: { versionId: pin.versionId, ...numberOf(pin) } } : {}),
      versions,
    };
  } finally {
    await connection.close();
  }
}

/**
 * Whether each version holds the code: the newest from the flow itself (read once), the others
 * from their flowConfig; undefined when that cannot be read.
 */
async function holdsCode(
  connection: OnlineConnection,
  id: string,
  versions: readonly VersionSummary[],
  code: CodeContent,
): Promise<(version: VersionSummary) => Promise<boolean | undefined>> {
  const newest = newestVersion(versions);
  const current = newest && (await readRemote(connection.api, id, usesWhen(code.payload)));
  return async (version) => {
    if (current && version.id === newest.id) return flowHoldsCode(current.remote, code);
    return versionHoldsCode(await connection.api.getVersion(id, version.id), code);
  };
}

function numberOf(pin: { versionNumber?: number }): { versionNumber?: number } {
  return pin.versionNumber === undefined ? {} : { versionNumber: pin.versionNumber };
}
