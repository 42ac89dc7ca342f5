import type { CommandResult } from '../app/results.js';
import type { Diagnostic } from '../model/diagnostics.js';
import { formatPath } from '../model/diagnostics.js';
import { relative } from './format-diagnostics.js';
import { summaryLine } from './format-plan.js';

/**
 * GitHub Actions workflow commands: problems become annotations on the
 * files (`::error file=...,line=...::message`), failures and drift too.
 */
export function formatAnnotations(result: CommandResult, root: string): string[] {
  const lines = diagnosticsOf(result)
    .filter((d) => d.severity !== 'info')
    .map((d) => annotation(d.severity === 'error' ? 'error' : 'warning', d.message + (d.hint ? ` (${d.hint})` : ''), {
      ...(d.file ? { file: relative(root, d.file) } : {}),
      ...(d.line ? { line: String(d.line), col: String(d.column ?? 1) } : {}),
      title: [d.code, d.flowKey, formatPath(d.path)].filter(Boolean).join(' '),
    }));
  if (result.command === 'sync') {
    for (const o of result.outcomes) {
      if (o.status === 'failed') lines.push(annotation('error', `${o.key}: ${o.error?.message ?? 'failed'}`, { title: `sync failed: ${o.error?.code ?? ''}` }));
      if (o.status === 'refused') lines.push(annotation('warning', `${o.key}: ${o.reason ?? 'refused'}`, { title: 'drift' }));
    }
  }
  if (result.command === 'plan') {
    for (const c of result.plan.changes) {
      if (c.kind === 'drift') lines.push(annotation('warning', `${c.key} ("${c.name}") was edited outside runtype-flows since the last sync`, { title: 'drift' }));
      if (c.kind === 'conflict') lines.push(annotation('error', `several remote flows are named "${c.name}": ${c.remoteIds.join(', ')}`, { title: 'conflict' }));
    }
  }
  return lines;
}

/** Markdown for $GITHUB_STEP_SUMMARY: what a plan or sync did, as a table. */
export function formatJobSummary(result: CommandResult): string | undefined {
  if (result.command === 'plan') {
    const rows = result.plan.changes.filter((c) => c.kind !== 'noop').map((c) => `| ${c.kind} | \`${c.key}\` | ${escapeCell(c.name)} |`);
    return [`### runtype-flows plan — ${result.target.environment}`, '', summaryLine(result.plan), '', ...(rows.length ? ['| change | key | name |', '|---|---|---|', ...rows] : []), ''].join('\n');
  }
  if (result.command === 'sync') {
    const rows = result.outcomes
      .filter((o) => o.status !== 'unchanged')
      .map((o) => `| ${o.status === 'applied' ? o.action : o.status} | \`${o.key}\` | ${o.remoteId ?? ''} | ${escapeCell(o.error?.message ?? o.reason ?? '')} |`);
    const c = result.counts;
    return [
      `### runtype-flows sync — ${result.target.environment}`,
      '',
      `${c.created} created, ${c.updated} updated, ${c.adopted} adopted, ${c.recreated} recreated, ${c.deleted} deleted, ${c.none} unchanged, ${c.failed} failed, ${c.refused} refused`,
      '',
      ...(rows.length ? ['| result | key | remote id | note |', '|---|---|---|---|', ...rows] : []),
      '',
    ].join('\n');
  }
  return undefined;
}

// --- internal ---

function diagnosticsOf(result: CommandResult): Diagnostic[] {
  return 'diagnostics' in result ? result.diagnostics : [];
}

/** Workflow-command escaping: data escapes %, CR, LF; properties also ':' and ','. */
export function annotation(level: 'error' | 'warning' | 'notice', message: string, props: Record<string, string>): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const list = Object.entries(props)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${prop(v)}`)
    .join(',');
  return `::${level}${list ? ` ${list}` : ''}::${data(message)}`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
