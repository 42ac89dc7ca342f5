/**
 * The variables of one run, by name: the record's metadata fields, then `inputs`, then the
 * system variables (`_record`, `_flow`, `_execution`, `_user`, `messages`, `user_message`),
 * then every step output by its `outputVariable` (and `set-variable`'s `variableName`) as the
 * steps complete — a later write wins (dispatch/assumptions.ts, TEMPLATE_RULES).
 */
import { DEFAULT_USER_ID } from '../assumptions.js';
import type { Lookup } from './template.js';
import type { RunInput } from './run-flow-input.js';

export class Variables {
  private readonly values = new Map<string, unknown>();

  constructor(input: RunInput, execution: { id: string; timestamp: string }) {
    const record = input.record;
    for (const [name, value] of Object.entries(record?.metadata ?? {}))
      this.values.set(name, value);
    for (const [name, value] of Object.entries(input.inputs)) this.values.set(name, value);
    if (record !== undefined) this.values.set('_record', { ...record });
    this.values.set('_flow', { id: input.flow.id, name: input.flow.name });
    this.values.set('_execution', execution);
    this.values.set('_user', { id: DEFAULT_USER_ID });
    if (input.messages.length > 0) {
      this.values.set('messages', input.messages);
      const lastUser = input.messages.findLast((m) => m.role === 'user');
      if (lastUser !== undefined) this.values.set('user_message', messageText(lastUser.content));
    }
  }

  set(name: string, value: unknown): void {
    this.values.set(name, value);
  }

  readonly lookup: Lookup = (root) =>
    this.values.has(root) ? { found: true, value: this.values.get(root) } : { found: false };

  /** Every variable as a plain object (for a script or a Liquid template). */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries(this.values);
  }
}

/** A message's text: the string, or its text parts joined by newlines (images dropped). */
export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: unknown) => {
      const text = (part as { text?: unknown } | null)?.text;
      return typeof text === 'string' ? text : '';
    })
    .filter((text) => text.length > 0)
    .join('\n');
}
