import type {
  ChangeOutcome,
  CommandResult,
  PlanResult,
  StatusResult,
  SyncResult,
  ValidateResult,
} from '../app/results.js';
import type { Diagnostic } from '../model/diagnostics.js';
import { countBySeverity, formatPath } from '../model/diagnostics.js';
import type { Change, FlowPayload } from '../plan/index.js';
import { diffFlows } from '../plan/index.js';
import { plainColors } from './color.js';
import { errorToJson } from './format-error.js';
import { plural, relative } from './format-diagnostics.js';
import { formatPlan, summaryLine } from './format-plan.js';
import { redactString } from './redact.js';
import { targetLabel } from '../app/target-label.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/**
 * GitHub Actions workflow commands (printed when GITHUB_ACTIONS=true): error
 * and warning diagnostics become annotations on their file and line, failed
 * and refused sync changes, drift and conflicts become annotations too.
 * File paths are made relative to `root` (the project root, or the workspace);
 * without one, validate's own root is used, else the absolute path is kept.
 */
export function formatAnnotations(result: CommandResult, root?: string): string[] {
  const base =
    root ?? (result.command === 'validate' || result.command === 'init' ? result.root : undefined);
  const lines = diagnosticsOf(result)
    .filter((d) => d.severity !== 'info')
    .map((d) => diagnosticAnnotation(d, base));
  if (result.command === 'sync') lines.push(...syncAnnotations(result));
  if (result.command === 'plan') {
    for (const c of result.plan.changes) {
      if (c.kind === 'drift')
        lines.push(
          annotation(
            'warning',
            `${c.key} ("${c.name}") was edited outside runtype-flows since the last sync ` +
              `(remote ${c.remoteId}); sync refuses to overwrite it without --force`,
            { title: 'drift' },
          ),
        );
      if (c.kind === 'conflict')
        lines.push(
          annotation('error', conflictMessage(c.key, c.name, c.remoteIds), { title: 'conflict' }),
        );
    }
  }
  if (result.command === 'status') {
    for (const f of result.flows) {
      if (f.state === 'drift')
        lines.push(
          annotation(
            'warning',
            `${f.key} ("${f.name}") was edited outside runtype-flows since the last sync`,
            { title: 'drift' },
          ),
        );
      if (f.state === 'conflict')
        lines.push(
          annotation('error', `${f.key}: several untracked remote flows are named "${f.name}"`, {
            title: 'conflict',
          }),
        );
    }
  }
  return lines;
}

/** A top-level error (missing key, unreachable API, …) as one annotation. */
export function formatErrorAnnotation(error: unknown): string {
  const e = errorToJson(error);
  return annotation('error', `${e.message}${e.hint ? ` (${e.hint})` : ''}`, {
    title: `runtype-flows ${e.code}`,
  });
}

/** Markdown for $GITHUB_STEP_SUMMARY: counts and a table of what changed (or would). */
export function formatJobSummary(result: CommandResult): string | undefined {
  switch (result.command) {
    case 'plan':
      return planSummary(result);
    case 'sync':
      return syncSummary(result);
    case 'status':
      return statusSummary(result);
    case 'validate':
      return validateSummary(result);
    case 'init':
    case 'pull':
    case 'envs':
    case 'doctor':
    case 'versions':
    case 'rollback':
      return undefined;
  }
}

/**
 * Workflow-command escaping per the GitHub spec: the message (data) escapes
 * `%`, CR and LF; property values also escape `:` and `,`. Empty properties are left out.
 */
export function annotation(
  level: AnnotationLevel,
  message: string,
  props: Record<string, string> = {},
): string {
  const data = (s: string) =>
    redactString(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const list = Object.entries(props)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${prop(v)}`)
    .join(',');
  return `::${level}${list ? ` ${list}` : ''}::${data(message)}`;
}

// --- internal ---

function diagnosticsOf(result: CommandResult): Diagnostic[] {
  return 'diagnostics' in result ? result.diagnostics : [];
}

export function diagnosticAnnotation(d: Diagnostic, root: string | undefined): string {
  return annotation(
    d.severity === 'error' ? 'error' : 'warning',
    d.message + (d.hint ? ` (${d.hint})` : ''),
    {
      ...(d.file ? { file: root === undefined ? d.file : relative(root, d.file) } : {}),
      ...(d.line ? { line: String(d.line), col: String(d.column ?? 1) } : {}),
      title: [d.code, d.flowKey, formatPath(d.path)].filter(Boolean).join(' '),
    },
  );
}

function syncAnnotations(result: SyncResult): string[] {
  const lines: string[] = [];
  for (const o of result.outcomes) {
    if (o.status === 'failed')
      lines.push(
        annotation(
          'error',
          `${o.key}: ${o.error?.message ?? 'failed'}${o.error ? ` (${o.error.code})` : ''}`,
          { title: 'sync failed' },
        ),
      );
    if (o.status === 'refused')
      lines.push(annotation('warning', `${o.key}: ${o.reason ?? 'refused'}`, { title: 'drift' }));
  }
  if (result.blocked?.reason === 'deletions') {
    lines.push(
      annotation(
        'warning',
        `nothing was applied: ${result.blocked.keys.join(', ')} would be deleted, which ` +
          `needs confirmation. Re-run with: ${result.blocked.rerun}`,
        { title: 'confirmation needed' },
      ),
    );
  }
  return lines;
}

function outcomeNote(o: ChangeOutcome): string {
  const parts = [
    o.published ? 'published' : '',
    o.error ? `${o.error.message} (${o.error.code})` : (o.reason ?? ''),
  ];
  return parts.filter(Boolean).join('; ');
}

function conflictMessage(key: string, name: string, ids: readonly string[]): string {
  return (
    `${key}: several untracked remote flows are named "${name}" (${ids.join(', ')}); ` +
    'delete or rename the extra remote flows, or rename this flow'
  );
}

function planSummary(result: PlanResult): string {
  const changes = result.plan.changes.filter((c) => c.kind !== 'noop');
  const rows = changes.map((c) => row(c.kind, code(c.key), c.name, changeDetail(c)));
  const plain = formatPlan(result, plainColors);
  return [
    `### runtype-flows plan — ${cell(result.target.environment)}`,
    '',
    `Target: ${code(targetLabel(result.target))}`,
    '',
    summaryLine(result.plan),
    ...table(['change', 'key', 'name', 'details'], rows),
    ...(changes.length
      ? ['', '<details><summary>Full plan</summary>', '', fence(plain), '', '</details>']
      : []),
    '',
  ].join('\n');
}

function syncSummary(result: SyncResult): string {
  const rows = result.outcomes
    .filter((o) => o.status !== 'unchanged')
    .map((o) =>
      row(
        o.status === 'applied' ? o.action : o.status,
        code(o.key),
        o.remoteId ?? '',
        outcomeNote(o),
      ),
    );
  const c = result.counts;
  return [
    `### runtype-flows sync — ${cell(result.target.environment)}`,
    '',
    `${c.created} created, ${c.updated} updated, ${c.adopted} adopted, ` +
      `${c.recreated} recreated, ${c.deleted} deleted, ${c.none} unchanged, ` +
      `${c.failed} failed, ${c.refused} refused, ${c.skipped} skipped ` +
      `(${(result.durationMs / 1000).toFixed(1)}s)`,
    ...(result.dryRun ? ['', '**Dry run**: nothing was written.'] : []),
    ...(result.blocked
      ? [
          '',
          `**Blocked** (${result.blocked.reason}): ${result.blocked.keys.map(code).join(', ')}. ` +
            `Re-run with ${code(result.blocked.rerun)}.`,
        ]
      : []),
    ...table(['result', 'key', 'remote id', 'note'], rows),
    '',
  ].join('\n');
}

function statusSummary(result: StatusResult): string {
  const counts = new Map<string, number>();
  for (const f of result.flows) counts.set(f.state, (counts.get(f.state) ?? 0) + 1);
  return [
    `### runtype-flows status — ${cell(result.target.environment)}`,
    '',
    [...counts].map(([state, n]) => `${n} ${state}`).join(', ') || 'no flows',
    ...table(
      ['key', 'name', 'remote id', 'state'],
      result.flows.map((f) => row(code(f.key), f.name, f.remoteId ?? '', f.state)),
    ),
    '',
  ].join('\n');
}

function validateSummary(result: ValidateResult): string {
  const n = countBySeverity(result.diagnostics);
  const rows = result.diagnostics
    .filter((d) => d.severity !== 'info')
    .map((d) =>
      row(
        d.severity,
        d.file ? code(`${relative(result.root, d.file)}${d.line ? `:${d.line}` : ''}`) : '',
        d.code,
        d.message,
      ),
    );
  return [
    '### runtype-flows validate',
    '',
    `${result.ok ? '✔' : '✖'} ${plural(result.flows.length, 'valid flow')} ` +
      `in ${plural(result.files, 'file')}: ` +
      `${plural(n.error, 'error')}, ${plural(n.warning, 'warning')}`,
    ...table(['severity', 'where', 'code', 'message'], rows),
    '',
  ].join('\n');
}

function changeDetail(c: Change): string {
  switch (c.kind) {
    case 'create':
      return `${c.payload.steps.length} step(s)`;
    case 'update':
      return c.before ? diffDetail(c.before, c.payload) : 'changed since the last sync';
    case 'adopt': {
      const detail = c.before ? `: ${diffDetail(c.before, c.payload)}` : '';
      const content = c.contentMatches ? 'content matches' : `content differs${detail}`;
      return `takes over ${c.remoteId}; ${content}`;
    }
    case 'drift':
      return (
        '**edited outside runtype-flows**; sync refuses without --force ' +
        `(${diffDetail(c.before, c.payload)})`
      );
    case 'missing':
      return `deleted remotely (${c.previousId}); sync recreates it`;
    case 'delete':
      return c.alreadyGone
        ? `removed from code, already deleted remotely (${c.remoteId})`
        : `removed from code; deleted only with --prune (${c.remoteId})`;
    case 'conflict':
      return `**several remote flows of this name**: ${c.remoteIds.join(', ')}`;
    case 'publish':
      return 'deployed; the live version is behind the code (sync publishes it)';
    case 'live-drift':
      return (
        `**live version changed outside runtype-flows** (${c.liveVersionId ?? 'none'} live, ` +
        `${c.expectedVersionId} expected); \`sync --refresh --force\` puts it back`
      );
    case 'noop':
      if (c.pinned) return `pinned to version ${c.pinned.versionNumber ?? c.pinned.versionId}`;
      return c.published ? '' : 'draft: the live version is behind the code';
  }
}

/** `name, description; steps: 1 added, 2 changed (draft, review)`. */
function diffDetail(before: FlowPayload, after: FlowPayload): string {
  const diff = diffFlows(before, after);
  const parts = diff.fields.map((f) => f.path);
  for (const kind of ['added', 'removed', 'changed'] as const) {
    const ids = diff.steps.filter((s) => s.kind === kind).map((s) => s.id);
    if (ids.length) parts.push(`step ${kind}: ${ids.join(', ')}`);
  }
  return parts.join('; ') || 'no field-level differences';
}

export function table(header: string[], rows: string[]): string[] {
  return rows.length
    ? ['', `| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows]
    : [];
}

export function row(...cells: string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** A table cell: no pipes, no newlines, no raw HTML, no secrets. Code spans are kept. */
function cell(text: string): string {
  return redactString(text).replace(/</g, '&lt;').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** A fenced block longer than any backtick run inside it. */
function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}text\n${text}\n${marks}`;
}
