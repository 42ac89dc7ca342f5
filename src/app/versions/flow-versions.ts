import type { VersionList, VersionSummary } from '../../apply/ports.js';
import { publishedNewestFirst } from '../../apply/version-content.js';
import { RuntypeError } from '../../errors.js';
import { closestMatch } from '../../model/suggest.js';
import type { DesiredFlow, TrackedFlow } from '../../plan/index.js';

/** A flow `versions` and `rollback` act on: its lock entry, and its code when the code has it. */
export interface TrackedKey {
  key: string;
  entry: TrackedFlow;
  code: DesiredFlow | undefined;
}

/**
 * The lock entry of a key: versions belong to a remote flow, so a key that was never synced to
 * this environment has none (an error naming the nearest key).
 */
export function trackedKey(
  key: string,
  tracked: ReadonlyMap<string, TrackedFlow>,
  desired: readonly DesiredFlow[],
  environment: string,
): TrackedKey {
  const entry = tracked.get(key);
  const code = desired.find((d) => d.key === key);
  if (entry) return { key, entry, code };
  const suggestion = closestMatch(key, new Set(tracked.keys()));
  const inCode = code !== undefined;
  const message = inCode
    ? `flow "${key}" has not been synced to environment "${environment}" yet: it has no versions`
    : `no flow with key "${key}" in environment "${environment}"`;
  return failNoEntry(message, suggestion, inCode);
}

/**
 * What `rollback --to` names: `previous` (the version live before the current one: the lock's
 * publish record when the live version is still the one it records, else the next lower
 * published version), a version number (`3` or `v3`), or a version id.
 */
export function resolveVersion(to: string, list: VersionList, entry: TrackedFlow): VersionSummary {
  const live = list.publishedVersionId;
  if (to === 'previous') return previousVersion(list, entry, live);
  const number = /^v?(\d+)$/i.exec(to)?.[1];
  const byNumber =
    number === undefined ? [] : list.versions.filter((v) => v.versionNumber === Number(number));
  // A published version of that number first; a draft only when it is the only one.
  const found =
    publishedNewestFirst({ versions: byNumber })[0] ??
    byNumber[0] ??
    list.versions.find((v) => v.id === to);
  if (found) return found;
  const known = list.versions.map((v) => `${v.versionNumber ?? '?'} (${v.id})`).join(', ');
  throw new RuntypeError('VERSION_NOT_FOUND', `the flow has no version "${to}"`, {
    hint: `its versions: ${known || 'none'} (\`runtype-flows versions KEY\` lists them)`,
  });
}

// --- internal ---

function previousVersion(
  list: VersionList,
  entry: TrackedFlow,
  live: string | undefined,
): VersionSummary {
  const recorded = entry.previousVersionId;
  if (recorded !== undefined && live !== undefined && live === entry.publishedVersionId) {
    const found = list.versions.find((v) => v.id === recorded);
    if (found) return found;
  }
  const liveNumber = list.versions.find((v) => v.id === live)?.versionNumber;
  const lower = publishedNewestFirst(list).find(
    (v) => v.id !== live && (liveNumber === undefined || (v.versionNumber ?? 0) < liveNumber),
  );
  if (lower) return lower;
  throw new RuntypeError('NO_PREVIOUS_VERSION', 'the flow has no earlier published version', {
    hint: '`runtype-flows versions KEY` lists its versions; name one with --to VERSION',
  });
}

function failNoEntry(message: string, suggestion: string | undefined, inCode: boolean): never {
  throw new RuntypeError('UNKNOWN_FLOW_KEY', message, {
    hint: inCode
      ? 'run `runtype-flows sync` first'
      : suggestion
        ? `did you mean "${suggestion}"?`
        : '`runtype-flows status` lists the flows',
  });
}
