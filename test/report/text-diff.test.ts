import { describe, expect, it } from 'vitest';
import { isLongText, lineDiff } from '../../src/report/text-diff.js';

const lines = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `line ${i + from}`);

describe('lineDiff', () => {
  it('marks removed and added lines and keeps two lines of context on each side', () => {
    const before = lines(10).join('\n');
    const after = [...lines(5), 'line six', ...lines(4, 7)].join('\n');
    expect(lineDiff(before, after, '  ')).toMatchInlineSnapshot(`
      "    …
          line 4
          line 5
        - line 6
        + line six
          line 7
          line 8
          …"
    `);
  });

  it('shows both gaps between distant changes', () => {
    const before = lines(12).join('\n');
    const after = ['LINE 1', ...lines(10, 2), 'LINE 12'].join('\n');
    expect(lineDiff(before, after, '')).toMatchInlineSnapshot(`
      "- line 1
      + LINE 1
        line 2
        line 3
        …
        line 10
        line 11
      - line 12
      + LINE 12"
    `);
  });

  it('treats CRLF like LF', () => {
    expect(lineDiff('a\r\nb', 'a\nb', '')).toBe('  a\n  b');
  });
});

describe('isLongText', () => {
  it('is true for multi-line or long strings only', () => {
    expect(isLongText('a\nb')).toBe(true);
    expect(isLongText('x'.repeat(61))).toBe(true);
    expect(isLongText('gpt-4')).toBe(false);
    expect(isLongText(42)).toBe(false);
  });
});

describe('lineDiff word highlight', () => {
  const mark = (kind: 'add' | 'remove', words: string) =>
    kind === 'add' ? `[+${words}]` : `[-${words}]`;

  it('marks the changed words of a changed line, and nothing without a highlighter', () => {
    const before = 'Reply in a friendly tone to {{name}}.';
    const after = 'Reply in a formal tone to {{name}}.';
    expect(lineDiff(before, after, '', undefined, mark)).toBe(
      '- Reply in a [-friendly] tone to {{name}}.\n+ Reply in a [+formal] tone to {{name}}.',
    );
    expect(lineDiff(before, after, '')).toBe(`- ${before}\n+ ${after}`);
  });

  it('leaves a line rewritten from scratch unmarked', () => {
    expect(lineDiff('alpha beta', 'gamma delta', '', undefined, mark)).toBe(
      '- alpha beta\n+ gamma delta',
    );
  });
});
