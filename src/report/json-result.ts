import type { CommandResult } from '../app/results.js';
import type { JsonValue } from '../errors.js';
import { diffFlows, type Change } from '../plan/index.js';
import { JSON_SCHEMA_VERSION } from './reporter.js';
import { redactValue } from './redact.js';

/**
 * The one JSON document a command prints with --json (schemaVersion 1):
 *
 *   { schemaVersion: 1, status: 'ok' | 'error', command, ok, ...command fields }
 *
 * - validate: root, configFile?, files, flows[{key,name,file,steps}], helperModules, diagnostics
 * - plan:     target{environment,kind,apiUrl,lockFile,lockSection}, pendingChanges, summary{create,...,noop},
 *             remoteChecked, refreshed, diagnostics,
 *             changes[{kind,key,name,remoteId?,previousId?,remoteIds?,contentMatches?,codeChanged?,diff?}]
 *             where diff = {fields[{path,before?,after?}], steps[{kind:'added'|'removed'|'changed',id,name,type,fields?}]}
 * - sync:     target, dryRun, durationMs, summary (the plan's), outcomes[{key,name,kind,status,action,remoteId?,
 *             published?,reason?,error?{code,message}}], counts{created,updated,adopted,recreated,deleted,none,
 *             failed,refused,skipped}, blocked?{reason:'drift'|'deletions',keys,rerun}, diagnostics
 * - status:   target, remoteChecked, flows[{key,name,state,remoteId?}], diagnostics
 * - init:     root, created, skipped, nextSteps
 *
 * `status` is 'ok' when the command did its job (pending changes included —
 * the exit code says "action needed"), 'error' when it did not. Payload
 * values in diffs have secrets redacted; full payloads are never included.
 */
export function toJsonDocument(result: CommandResult): Record<string, unknown> {
  const envelope = { schemaVersion: JSON_SCHEMA_VERSION, status: result.ok ? 'ok' : 'error' };
  switch (result.command) {
    case 'plan': {
      const { plan, ...rest } = result;
      return { ...envelope, ...rest, summary: plan.summary, remoteChecked: plan.remoteChecked, refreshed: plan.refreshed, changes: plan.changes.map(toJsonChange) };
    }
    case 'sync': {
      const { plan, ...rest } = result;
      return { ...envelope, ...rest, summary: plan.summary };
    }
    default:
      return { ...envelope, ...result };
  }
}

// --- internal ---

function toJsonChange(change: Change): Record<string, unknown> {
  const base: Record<string, unknown> = { kind: change.kind, key: change.key, name: change.name };
  if ('remoteId' in change) base.remoteId = change.remoteId;
  if (change.kind === 'missing') base.previousId = change.previousId;
  if (change.kind === 'conflict') base.remoteIds = change.remoteIds;
  if (change.kind === 'adopt') base.contentMatches = change.contentMatches;
  if (change.kind === 'drift') base.codeChanged = change.codeChanged;
  if ((change.kind === 'update' || change.kind === 'adopt' || change.kind === 'drift') && change.before) {
    base.diff = redactValue(diffFlows(change.before, change.payload) as unknown as JsonValue);
  }
  if (change.kind === 'create') base.diff = redactValue(diffFlows(undefined, change.payload) as unknown as JsonValue);
  return base;
}
