import type { JsonValue } from '../errors.js';
import { diffFlows, type FieldChange, type FlowPayload } from '../plan/index.js';
import type { Colors } from './color.js';
import { redactValue } from './redact.js';
import { isLongText, lineDiff } from './text-diff.js';

/** Per-field and per-step lines of what changes from `before` to `after`, secrets redacted. */
export function formatFlowDiff(
  before: FlowPayload,
  after: FlowPayload,
  colors: Colors,
  indent = '      ',
): string[] {
  const diff = diffFlows(before, after);
  const lines: string[] = [];
  for (const field of diff.fields) lines.push(...formatField(field, indent, colors));
  for (const step of diff.steps) {
    const parent = step.parent ? ` in ${step.parent}` : '';
    const label = `step ${step.id} (${step.type}) "${step.name}"${parent}`;
    if (step.kind === 'added') lines.push(`${indent}${colors.paint('green', `+ ${label}`)}`);
    else if (step.kind === 'removed') lines.push(`${indent}${colors.paint('red', `- ${label}`)}`);
    else {
      lines.push(`${indent}${colors.paint('yellow', `~ ${label}`)}`);
      for (const field of step.fields) lines.push(...formatField(field, `${indent}    `, colors));
    }
  }
  return lines;
}

/** The steps of a new flow, one line each. */
export function formatStepList(payload: FlowPayload, colors: Colors, indent = '      '): string[] {
  return payload.steps.map(
    (s) => `${indent}${colors.paint('gray', `${s.order}. ${s.id} (${s.type}) "${s.name}"`)}`,
  );
}

// --- internal ---

function formatField(change: FieldChange, indent: string, colors: Colors): string[] {
  // Redacted by the whole path: `config.credentials.pass` is a secret though `pass` alone may not
  // look like one.
  const before = change.before === undefined ? undefined : redactValue(change.before, change.path);
  const after = change.after === undefined ? undefined : redactValue(change.after, change.path);
  if (isLongText(before) || isLongText(after)) {
    const paint = (kind: 'add' | 'remove' | 'context', text: string) =>
      kind === 'add'
        ? colors.paint('green', text)
        : kind === 'remove'
          ? colors.paint('red', text)
          : colors.paint('gray', text);
    const highlight = colors.enabled
      ? (_kind: 'add' | 'remove', words: string) => colors.paint('inverse', words)
      : undefined;
    return [
      `${indent}${change.path}:`,
      lineDiff(
        typeof before === 'string' ? before : show(before),
        typeof after === 'string' ? after : show(after),
        `${indent}  `,
        paint,
        highlight,
      ),
    ];
  }
  const was = colors.paint('red', show(before));
  const now = colors.paint('green', show(after));
  return [`${indent}${change.path}: ${was} → ${now}`];
}

function show(value: JsonValue | undefined): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}
