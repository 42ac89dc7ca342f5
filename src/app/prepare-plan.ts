import path from 'node:path';
import { RuntypeError } from '../errors.js';
import { closestMatch } from '../model/suggest.js';
import { planChanges, usesWhen, type Change, type DesiredFlow, type Plan, type RemoteSnapshot, type TrackedFlow } from '../plan/index.js';
import type { AppContext } from './context.js';
import { toDesiredFlows } from './desired-flows.js';
import { openSession, type Session } from './open-session.js';
import { fetchRemoteSnapshot } from './remote-snapshot.js';
import { resolveTarget, type ResolveTargetOptions, type Target } from './resolve-target.js';
import type { TargetInfo } from './results.js';
import { loadValidProject } from './load-valid-project.js';
import type { Project } from '../load/project/load-project.js';
import type { ResolvedConfig } from '../model/config.js';
import type { Diagnostic } from '../model/diagnostics.js';

export interface PlanOptions {
  env?: string;
  /** Fetch every tracked flow to see drift on flows unchanged in code. */
  refresh?: boolean;
  /** Do not contact the API: compare code with the lock state only. */
  offline?: boolean;
  only?: readonly string[];
  /** Progress of reading remote flows in full (`--refresh` reads every tracked one). */
  onProgress?: (done: number, total: number) => void;
}

export interface PreparedProject {
  project: Project;
  target: Target;
  desired: DesiredFlow[];
  diagnostics: Diagnostic[];
}

/** Load + validate + choose the target: the part of every API command that needs no network. */
export async function prepareProject(ctx: AppContext, options: PlanOptions): Promise<PreparedProject> {
  const project = await loadValidProject(ctx);
  const target = chooseTarget(ctx, project.config, options.env);
  return { project, target, desired: toDesiredFlows(project.flows), diagnostics: project.diagnostics };
}

/** The target a command (or a watch session, once) works against, warning when the key is not the environment's own. */
export function chooseTarget(
  ctx: Pick<AppContext, 'env' | 'reporter'>,
  config: ResolvedConfig,
  requested: string | undefined,
  options: ResolveTargetOptions = {},
): Target {
  const target = resolveTarget(config, ctx.env, requested, options);
  if (target.kind === 'remote' && target.overriddenKeyEnv) {
    // By contract RUNTYPE_API_KEY wins; in a CI job holding several keys that may be the wrong account's.
    ctx.reporter.warn(`RUNTYPE_API_KEY is set and overrides ${target.overriddenKeyEnv} for environment "${target.environment}"`);
  }
  return target;
}

/**
 * The remote half of planning: list the account, fetch in full the flows
 * whose comparison needs content (changed, adoptable, and with --refresh
 * every tracked one), then plan. Two passes so only needed GETs are made.
 */
export async function planAgainstRemote(
  session: Session,
  desired: readonly DesiredFlow[],
  tracked: ReadonlyMap<string, TrackedFlow>,
  options: PlanOptions,
  pendingCreates: readonly { key: string; name: string }[] = [],
): Promise<{ plan: Plan; remote: RemoteSnapshot }> {
  const only = options.only;
  assertKnownKeys(only, desired, tracked);
  const pending = new Map(pendingCreates.map((p) => [p.key, p.name]));
  let remote = await fetchRemoteSnapshot(session.api, { details: [] });
  const first = planChanges({ desired, tracked, remote, pendingCreates: pending, ...(only ? { only } : {}) });
  const needed = new Set<string>();
  for (const change of first.changes) {
    if (change.kind === 'update' || change.kind === 'adopt') needed.add(change.remoteId);
    if (options.refresh && change.kind === 'noop') needed.add(change.remoteId);
  }
  const withWhen = idsUsingWhen(first.changes, desired);
  remote = await fetchRemoteSnapshot(session.api, { details: needed, withWhen, known: remote, onProgress: options.onProgress });
  return { plan: planChanges({ desired, tracked, remote, pendingCreates: pending, refreshed: options.refresh === true, ...(only ? { only } : {}) }), remote };
}

/** Remote ids whose code uses a step `when`: only GET /v1/flow-steps can compare it, so only they pay for it. */
export function idsUsingWhen(changes: readonly Change[], desired: readonly DesiredFlow[]): Set<string> {
  const byKey = new Map(desired.map((d) => [d.key, d]));
  const ids = new Set<string>();
  for (const change of changes) {
    const flow = byKey.get(change.key);
    if ('remoteId' in change && flow && usesWhen(flow.payload)) ids.add(change.remoteId);
  }
  return ids;
}

export function targetInfo(root: string, target: Target, session: Pick<Session, 'apiUrl'> | undefined, lockFile: string): TargetInfo {
  return {
    environment: target.environment,
    kind: target.kind,
    apiUrl: session?.apiUrl ?? (target.kind === 'remote' ? target.apiUrl : 'emulator'),
    lockFile: path.relative(root, lockFile) || lockFile,
    lockSection: target.lockSection,
  };
}

/** `--only typo` must not be a silent no-op (a CI deploy that deploys nothing). */
export function assertKnownKeys(only: readonly string[] | undefined, desired: readonly DesiredFlow[], tracked: ReadonlyMap<string, TrackedFlow>): void {
  const known = new Set([...desired.map((d) => d.key), ...tracked.keys()]);
  const unknown = (only ?? []).filter((key) => !known.has(key));
  if (unknown.length === 0) return;
  const suggestion = closestMatch(unknown[0] ?? '', known);
  throw new RuntypeError('UNKNOWN_FLOW_KEY', `--only names flow key(s) that are neither in the code nor in the lock state: ${unknown.join(', ')}`, {
    hint: suggestion ? `did you mean "${suggestion}"?` : `known keys: ${[...known].sort().slice(0, 10).join(', ')}`,
  });
}

export { openSession };
