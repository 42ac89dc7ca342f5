import { describe, expect, it } from 'vitest';
import { changedKeys, nextBaseline } from '../../src/app/watch/baseline.js';
import type { DesiredFlow } from '../../src/plan/index.js';
import { noop, outcome, plan } from '../report/builders.js';

const flow = (key: string, hash: string): DesiredFlow => ({
  key,
  hash,
  payload: { name: key, steps: [] },
});

describe('changedKeys', () => {
  const baseline = new Map([
    ['a', 'h1'],
    ['b', 'h2'],
    ['gone', 'h3'],
  ]);

  it('new keys, changed hashes and keys that left the code; nothing else', () => {
    expect(
      changedKeys([flow('a', 'h1'), flow('b', 'h2-edited'), flow('new', 'h4')], baseline),
    ).toEqual(['b', 'gone', 'new']);
    expect(changedKeys([flow('a', 'h1'), flow('b', 'h2'), flow('gone', 'h3')], baseline)).toEqual(
      [],
    );
  });

  it('--only keeps its keys alone', () => {
    expect(changedKeys([flow('a', 'x'), flow('b', 'y')], baseline, ['a'])).toEqual(['a']);
  });
});

describe('nextBaseline', () => {
  it('takes the planned hashes, drops keys gone from code, and leaves failed flows out so they are retried', () => {
    const previous = new Map([
      ['a', 'h1'],
      ['b', 'h2'],
      ['c', 'h3'],
      ['gone', 'h4'],
    ]);
    const desired = [flow('a', 'h1'), flow('b', 'h2-new'), flow('c', 'h3-new')];
    const p = plan([
      noop('b', 'b', 'id-b'),
      noop('c', 'c', 'id-c'),
      noop('gone', 'gone', 'id-gone'),
    ]);
    const outcomes = [
      outcome('b', 'applied', 'updated'),
      outcome('c', 'failed', 'none'),
      outcome('gone', 'skipped', 'none'),
    ];
    expect(
      Object.fromEntries(nextBaseline(previous, desired, ['b', 'c', 'gone'], p, outcomes)),
    ).toEqual({ a: 'h1', b: 'h2-new' });
  });

  it('after a full cycle: every flow, less the failed and the never reached (Ctrl-C)', () => {
    const desired = [flow('a', 'h1'), flow('b', 'h2'), flow('c', 'h3')];
    const p = plan([noop('a', 'a', '1'), noop('b', 'b', '2'), noop('c', 'c', '3')]);
    expect(
      Object.fromEntries(
        nextBaseline(undefined, desired, undefined, p, [
          outcome('a', 'unchanged', 'none'),
          outcome('b', 'failed', 'none'),
        ]),
      ),
    ).toEqual({ a: 'h1' });
  });
});
