import { styleText } from 'node:util';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/report/terminal-safe.js';

describe('terminalSafe', () => {
  it.each([
    ['clear screen', 'Flow \u001b[2J\u001b[H', 'Flow \\e[2J\\e[H'],
    ['bell and NUL', 'a\u0007b\u0000c', 'a\\x07b\\x00c'],
    ['carriage return (rewrites the line)', 'ok\rFAILED', 'ok\\rFAILED'],
    ['an OSC title/hyperlink', '\u001b]0;pwned\u0007', '\\e]0;pwned\\x07'],
    ['conceal (hides what follows)', '\u001b[8msecret', '\\e[8msecret'],
    ['C1 control', 'a\u009bb', 'a\\x9bb'],
    ['DEL', 'a\u007fb', 'a\\x7fb'],
  ])('escapes %s', (_what, input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });

  it('keeps newlines, tabs, unicode and the colours this tool writes', () => {
    const painted = `${styleText('red', 'drift')}\t${styleText(['bold', 'gray'], 'naïve — 日本')}\n`;
    expect(terminalSafe(painted)).toBe(painted);
  });
});
