import { versionMatchesCode } from '../../apply/version-content.js';
import { connect } from '../connect.js';
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
 * holds the code. Read-only. Each version's content is read to compare it with the code (one GET
 * a version, through the client's bounded concurrency).
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
    const versions = await Promise.all(
      sorted.map(async (v) => {
        const matchesCode =
          code !== undefined &&
          versionMatchesCode(await connection.api.getVersion(entry.id, v.id), code);
        return {
          id: v.id,
          number: v.versionNumber ?? null,
          type: v.versionType ?? null,
          createdAt: v.createdAt ?? null,
          label: v.label ?? null,
          live: v.id === live,
          matchesCode,
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

function numberOf(pin: { versionNumber?: number }): { versionNumber?: number } {
  return pin.versionNumber === undefined ? {} : { versionNumber: pin.versionNumber };
}
