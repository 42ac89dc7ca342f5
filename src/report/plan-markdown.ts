import { writeFile } from 'node:fs/promises';
import type { PlanResult } from '../app/results.js';
import type { JsonValue } from '../errors.js';
import { diffFlows, type Change, type FieldChange, type FlowPayload } from '../plan/index.js';
import { plainColors } from './color.js';
import { summaryLine } from './format-plan.js';
import { code, row, table } from './github.js';
import { redactFlowDiff, redactString } from './redact.js';
import { lineDiff } from './text-diff.js';
import { targetLabel } from '../app/target-label.js';

/** `plan --markdown FILE`: the plan as Markdown, for a pull-request comment. */
export async function writePlanMarkdown(file: string, result: PlanResult): Promise<void> {
  await writeFile(file, formatPlanMarkdown(result));
}

/**
 * A heading naming the target, the summary line, a table of the changes, then per
 * changed flow its field and step changes, text fields (prompts, scripts) as
 * ```diff blocks. Secrets are redacted as in every other output.
 */
export function formatPlanMarkdown(result: PlanResult): string {
  const { plan, target } = result;
  const changes = plan.changes.filter((c) => c.kind !== 'noop');
  const lines = [
    `### runtype-flows plan — ${target.environment}`,
    '',
    `Target: ${code(targetLabel(target))}`,
    '',
    `**${summaryLine(plan, plainColors)}**`,
    ...table(
      ['change', 'key', 'name'],
      changes.map((c) => row(c.kind, code(c.key), c.name)),
    ),
  ];
  for (const change of changes) lines.push(...changeSection(change));
  return `${lines.join('\n')}\n`;
}

// --- internal ---

function changeSection(change: Change): string[] {
  const payloads = payloadsOf(change);
  if (payloads === undefined) return [];
  const diff = redactFlowDiff(diffFlows(payloads.before, payloads.after));
  const lines = ['', `#### ${change.kind} ${code(change.key)} (${redactString(change.name)})`, ''];
  for (const f of diff.fields) lines.push(...fieldLines(f, 'flow'));
  for (const s of diff.steps) {
    const step = `step ${code(s.id)} (${s.type})${s.parent ? ` in ${code(s.parent)}` : ''}`;
    if (s.kind !== 'changed') lines.push(`- ${s.kind} ${step}: ${redactString(s.name)}`);
    else for (const f of s.fields) lines.push(...fieldLines(f, step));
  }
  return lines;
}

/** What the diff is between: the remote (or last written) flow and the code. */
function payloadsOf(
  change: Change,
): { before: FlowPayload | undefined; after: FlowPayload } | undefined {
  switch (change.kind) {
    case 'create':
    case 'missing':
      return { before: undefined, after: change.payload };
    case 'update':
    case 'adopt':
      return change.before ? { before: change.before, after: change.payload } : undefined;
    case 'drift':
      return { before: change.before, after: change.payload };
    default:
      return undefined;
  }
}

function fieldLines(f: FieldChange, owner: string): string[] {
  if (typeof f.before === 'string' && typeof f.after === 'string') {
    return [`- ${owner} ${code(f.path)}:`, '', '```diff', diffText(f.before, f.after), '```', ''];
  }
  if (f.before === undefined) return [`- ${owner} ${code(f.path)}: ${show(f.after)}`];
  return [`- ${owner} ${code(f.path)}: ${show(f.before)} → ${show(f.after)}`];
}

/** Unified-diff marks in the first column, which is what ```diff highlights. */
function diffText(before: string, after: string): string {
  return lineDiff(before, after, '', (kind, text) => (kind === 'context' ? text.slice(1) : text))
    .split('\n')
    .map((line) => line.replace(/^([+-]) /, '$1'))
    .join('\n')
    .replace(/```/g, "'''");
}

function show(value: JsonValue | undefined): string {
  return value === undefined ? '(none)' : code(JSON.stringify(value));
}
