import { describe, expect, it } from 'vitest';
import { checkFlowSet, parseFlow, type Flow } from '../../src/model/index.js';
import { aFlow } from './builders.js';

const flow = (key: string, name: string): Flow => {
  const parsed = parseFlow(aFlow({ key, name })).flow;
  if (!parsed) throw new Error('fixture flow must be valid');
  return parsed;
};

describe('checkFlowSet', () => {
  it('reports a duplicate key on both files, each naming the other', () => {
    const d = checkFlowSet([
      { flow: flow('same', 'A'), file: '/p/flows/a.ts' },
      { flow: flow('same', 'B'), file: '/p/flows/b.ts' },
    ]);
    expect(d.map((x) => [x.severity, x.code, x.file, x.flowKey, x.path])).toEqual([
      ['error', 'DUPLICATE_FLOW_KEY', '/p/flows/a.ts', 'same', ['key']],
      ['error', 'DUPLICATE_FLOW_KEY', '/p/flows/b.ts', 'same', ['key']],
    ]);
    expect(d[0]?.message).toBe('duplicate flow key "same", also used in /p/flows/b.ts');
    expect(d[1]?.message).toContain('/p/flows/a.ts');
  });

  it('reports a duplicate name on both files', () => {
    const d = checkFlowSet([
      { flow: flow('a', 'Same Name'), file: '/p/flows/a.ts' },
      { flow: flow('b', 'Same Name'), file: '/p/flows/b.ts' },
      { flow: flow('c', 'Other'), file: '/p/flows/c.ts' },
    ]);
    expect(d.map((x) => [x.code, x.file, x.path])).toEqual([
      ['DUPLICATE_FLOW_NAME', '/p/flows/a.ts', ['name']],
      ['DUPLICATE_FLOW_NAME', '/p/flows/b.ts', ['name']],
    ]);
  });

  it('two flows exported by one file are named by that file on both', () => {
    const d = checkFlowSet([
      { flow: flow('x', 'X'), file: '/p/flows/both.ts' },
      { flow: flow('x', 'Y'), file: '/p/flows/both.ts' },
    ]);
    expect(d.map((x) => x.code)).toEqual(['DUPLICATE_FLOW_KEY', 'DUPLICATE_FLOW_KEY']);
  });

  it('distinct keys and names are fine', () => {
    expect(
      checkFlowSet([
        { flow: flow('a', 'A'), file: 'a.ts' },
        { flow: flow('b', 'B'), file: 'b.ts' },
      ]),
    ).toEqual([]);
  });
});
