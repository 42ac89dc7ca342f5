/** `{{…}}` templates outside Liquid: paths, fallbacks, literals, what stays unresolved. */
import { describe, expect, it } from 'vitest';
import { resolveTemplate, wholeExpression } from '../../../src/emulator/execute/template.js';
import type { Lookup } from '../../../src/emulator/execute/template.js';

const vars: Record<string, unknown> = {
  name: 'Ada',
  empty: '',
  zero: 0,
  nothing: null,
  ticket: { category: 'billing', tags: ['a', 'b'], items: [{ name: 'first' }] },
  count: 3,
};
const lookup: Lookup = (root) =>
  Object.hasOwn(vars, root) ? { found: true, value: vars[root] } : { found: false };
const resolve = (text: string) => resolveTemplate(text, lookup);

describe('resolveTemplate', () => {
  it.each([
    ['Hi {{name}}!', 'Hi Ada!'],
    ['Hi {{ name }}!', 'Hi Ada!'],
    ['{{ticket.category}}', 'billing'],
    ['{{ticket.tags.1}} {{ticket.tags[0]}}', 'b a'],
    ['{{ticket.items[0].name}} {{ticket.items.0.name}}', 'first first'],
    ['{{ticket.tags}}', '["a","b"]'],
    ['{{count}} {{nothing}}', '3 null'],
    ['{{missing || "default"}}', 'default'],
    ["{{missing || 'single'}}", 'single'],
    ['{{empty || "was empty"}}', 'was empty'],
    ['{{empty ?? "kept"}}', ''],
    ['{{zero || 7}} {{zero ?? 7}}', '7 0'],
    ['{{nothing ?? "nullish"}}', 'nullish'],
    ['{{missing || other || name}}', 'Ada'],
    ['{{missing || "a || b"}}', 'a || b'],
    ['{{missing ?? true}}', 'true'],
  ])('%s → %s', (text, expected) => {
    expect(resolve(text)).toEqual({ text: expected, unresolved: [] });
  });

  it('leaves what it cannot resolve as written, and names it', () => {
    expect(
      resolve('Hi {{ customer }} {{ticket.nope}} {{missing || other}} {{secret:KEY}}'),
    ).toEqual({
      text: 'Hi {{ customer }} {{ticket.nope}} {{missing || other}} {{secret:KEY}}',
      unresolved: ['customer', 'ticket.nope', 'missing || other', 'secret:KEY'],
    });
  });

  it('reads own properties only', () => {
    expect(
      resolve('{{name.constructor}}{{ticket.__proto__}}{{ticket.toString}}').unresolved,
    ).toEqual(['name.constructor', 'ticket.__proto__', 'ticket.toString']);
  });

  it('does not filter (Liquid filters work in template steps only)', () => {
    expect(resolve('{{ name | upcase }}').unresolved).toEqual(['name | upcase']);
  });

  it('finds a text that is one whole expression', () => {
    expect(wholeExpression('{{ ticket }}')).toBe('ticket');
    expect(wholeExpression('x {{ ticket }}')).toBeUndefined();
    expect(wholeExpression('{{a}} {{b}}')).toBeUndefined();
  });
});
