import type { CommandResult, PlanResult, SyncResult } from '../app/results.js';
import type { JsonValue } from '../errors.js';
import { diffFlows, type Change, type FlowDiff, type StepDiff } from '../plan/index.js';
import { redactFlowDiff, redactString, redactValue } from './redact.js';
import { JSON_SCHEMA_VERSION } from './json-version.js';

/**
 * The one JSON document a command prints on stdout with `--json`.
 *
 * ```ts
 * interface JsonDocument {
 *   schemaVersion: 1;
 *   status: 'ok' | 'blocked' | 'error';
 *   command: 'validate' | 'init' | 'plan' | 'sync' | 'status' | 'pull';
 *   ok: boolean;
 *   // …and the command's own members:
 * }
 * // validate: root, configFile?, files, flows[{ key, name, file, steps }], helperModules,
 * //           diagnostics
 * // init:     root, created, updated, skipped, notes, nextSteps
 * // plan:     target{ environment, kind, apiUrl, lockFile, lockSection }, pendingChanges,
 * //           unmanaged?,
 * //           summary{ create, adopt, update, publish, drift, live-drift, missing, delete,
 * //             conflict, noop },
 * //           remoteChecked, refreshed, diagnostics, changes: JsonChange[]
 * // sync:     target, dryRun, durationMs, summary (the plan's), diagnostics,
 * //           outcomes[{ key, name, kind, status, action, remoteId?, published?, reason?,
 * //             error?{ code, message } }],
 * //           counts{ created, updated, adopted, recreated, deleted, published, none, failed,
 * //             refused, skipped },
 * //           blocked?{ reason: 'drift' | 'deletions' | 'declined' | 'stale-plan', keys, rerun,
 * //             differences? (stale-plan) }, interrupted?{ notStarted },
 * //           changes?: JsonChange[]
 * //             (only when nothing was applied: dryRun, or blocked by anything but drift)
 * // status:   target, remoteChecked, flows[{ key, name, state, remoteId?, file? }], diagnostics,
 * //           unmanaged?[{ remoteId, name, lastRunAt }]   (status --all)
 * // pull:     target, dryRun, outDir, durationMs, warnings, diagnostics,
 * //           flows[{ key, name, remoteId, file, action: 'created' | 'updated' | 'unchanged',
 * //                   changed?, notes[{ path, message }], recorded }],
 * //           skipped[{ remoteId, name, key }], duplicateNames[{ name, keys, remoteIds }],
 * //           blocked?{ reason: 'differs' | 'computed' | 'dirty',
 * //                     items[{ key, file, detail }], rerun }
 *
 * interface JsonChange {
 *   kind: 'create' | 'adopt' | 'update' | 'publish' | 'drift' | 'live-drift' | 'missing'
 *       | 'delete' | 'conflict' | 'noop';
 *   key: string; name: string;
 *   remoteId?: string;         // adopt, update, drift, delete, noop
 *   previousId?: string;       // missing: the id that was deleted remotely
 *   remoteIds?: string[];      // conflict: every remote flow of that name
 *   contentMatches?: boolean;  // adopt
 *   previousKey?: string;      // adopt: the key changed in code; the lock entry moves
 *   matchedName?: string;      // adopt: matched under the name an interrupted create used
 *   codeChanged?: boolean;     // drift: the code changed since the last sync too
 *   alreadyGone?: boolean;     // delete: the remote flow no longer exists
 *                              // (only the lock entry goes)
 *   published?: boolean;       // noop: the code is the live version (false: draft or pinned)
 *   pinned?: { versionId, versionNumber? };  // noop, live-drift: a rollback's pin
 *   expectedVersionId?: string;      // live-drift: the version the tool last made live
 *   liveVersionId?: string | null;   // live-drift: the version live now
 *   diff?: FlowDiff;           // update/adopt/drift when the remote was read
 *                              // (drift: remote → code);
 *                              // create: the new flow's name/description and its steps
 * }
 * // FlowDiff = { fields: [{ path, before?, after? }],
 * //              steps: [{ kind: 'added' | 'removed', id, name, type, order, parent?, step? }
 * //                    | { kind: 'changed', id, name, type, parent?,
 * //                        fields: [{ path, before?, after? }] }] }
 * // `step` (an added or removed step's payload) is given in update/adopt/drift diffs,
 * // never for a create.
 * ```
 *
 * `status` says whether the command did everything it was asked to:
 * - `'ok'`: it did — including a plan that found pending changes (those are
 *   `pendingChanges: true`, and `plan --exit-code` exits 2; status stays 'ok');
 * - `'blocked'`: sync held writes back because they need a confirmation
 *   (`blocked.reason`: `--yes` for deletions or a declined question, `--force` for drift, a
 *   new `plan --out` for a stale saved plan); exit code 2;
 * - `'error'`: it failed (`ok: false`: invalid flows, a failed change); exit code 1.
 *   A top-level error prints
 *   `{ schemaVersion, status: 'error', error: { code, message, hint?, meta? } }` instead.
 *
 * Secrets are redacted in every value (fields named like apiKey/token/password,
 * literal tokens anywhere); full flow payloads are never included, only diffs.
 */
export function toJsonDocument(result: CommandResult): Record<string, JsonValue> {
  const envelope = { schemaVersion: JSON_SCHEMA_VERSION, status: statusOf(result) };
  switch (result.command) {
    case 'plan':
      return finish({ ...envelope, ...planMembers(result) });
    case 'sync':
      return finish({ ...envelope, ...syncMembers(result) });
    default:
      return finish({ ...envelope, ...result });
  }
}

export type JsonStatus = 'ok' | 'blocked' | 'error';

export function statusOf(result: CommandResult): JsonStatus {
  if (!result.ok) return 'error';
  const blockable =
    result.command === 'sync' || result.command === 'pull' || result.command === 'rollback';
  if (blockable && result.blocked) return 'blocked';
  return 'ok';
}

/** One plan change as the JSON document shows it (no payloads; diffs redacted). */
export function toJsonChange(change: Change): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = { kind: change.kind, key: change.key, name: change.name };
  if ('remoteId' in change) out.remoteId = change.remoteId;
  if (change.descriptionChanged) out.descriptionChanged = true;
  if (change.kind === 'missing') out.previousId = change.previousId;
  if (change.kind === 'conflict') out.remoteIds = change.remoteIds;
  if (change.kind === 'adopt') {
    out.contentMatches = change.contentMatches;
    if (change.previousKey) out.previousKey = change.previousKey;
    if (change.matchedName !== undefined) out.matchedName = redactString(change.matchedName);
  }
  if (change.kind === 'drift') out.codeChanged = change.codeChanged;
  if (change.kind === 'delete') out.alreadyGone = change.alreadyGone;
  if (change.kind === 'noop') out.published = change.published;
  if ((change.kind === 'noop' || change.kind === 'live-drift') && change.pinned)
    out.pinned = { ...change.pinned };
  if (change.kind === 'live-drift') {
    out.expectedVersionId = change.expectedVersionId;
    out.liveVersionId = change.liveVersionId;
  }
  if (
    (change.kind === 'update' || change.kind === 'adopt' || change.kind === 'drift') &&
    change.before
  ) {
    out.diff = diffJson(redactFlowDiff(diffFlows(change.before, change.payload)));
  }
  if (change.kind === 'create')
    out.diff = diffJson(withoutStepPayloads(redactFlowDiff(diffFlows(undefined, change.payload))));
  return out;
}

// --- internal ---

function planMembers(result: PlanResult) {
  const { plan, unmanagedFlows: _listed, ...rest } = result;
  return {
    ...rest,
    summary: plan.summary,
    remoteChecked: plan.remoteChecked,
    refreshed: plan.refreshed,
    changes: plan.changes.map(toJsonChange),
  };
}

function syncMembers(result: SyncResult) {
  const { plan, outcomes, ...rest } = result;
  // Only drift lets the rest be applied: every other block holds back the whole plan.
  const nothingApplied = result.dryRun || (result.blocked && result.blocked.reason !== 'drift');
  return {
    ...rest,
    summary: plan.summary,
    outcomes: outcomes.map((o) => ({
      ...o,
      ...(o.reason === undefined ? {} : { reason: redactString(o.reason) }),
      ...(o.error === undefined
        ? {}
        : { error: { ...o.error, message: redactString(o.error.message) } }),
    })),
    ...(nothingApplied ? { changes: plan.changes.map(toJsonChange) } : {}),
  };
}

function withoutStepPayloads(diff: FlowDiff): FlowDiff {
  return {
    ...diff,
    steps: diff.steps.map((s) => (s.kind === 'changed' ? s : stripStep(s))) as StepDiff[],
  };
}

function stripStep(s: Extract<StepDiff, { kind: 'added' | 'removed' }>): Omit<typeof s, 'step'> {
  const { step: _step, ...rest } = s;
  return rest;
}

function diffJson(diff: FlowDiff): JsonValue {
  return diff as unknown as JsonValue;
}

/** A last pass over the whole document: secret-named fields and literal tokens anywhere. */
function finish(doc: object): Record<string, JsonValue> {
  return redactValue(JSON.parse(JSON.stringify(doc)) as JsonValue) as Record<string, JsonValue>;
}
