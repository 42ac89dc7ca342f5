import { describe, expect, it } from 'vitest';
import { contentHash, descriptionHash } from './canonical.js';
import type { FlowPayload } from './payload.js';
import { planChanges } from './plan-changes.js';
import { readRemoteFlow, remoteAgainstCode, remoteMatchesCode } from './remote-flow.js';

const code: FlowPayload = {
  name: 'F',
  description: 'what it does',
  steps: [
    {
      id: 'a',
      name: 'A',
      type: 'prompt',
      order: 1,
      enabled: true,
      config: { userPrompt: 'hi' },
      when: 'x > 1',
    },
    {
      id: 'b',
      name: 'B',
      type: 'transform-data',
      order: 2,
      enabled: false,
      config: { script: 'return 1' },
    },
  ],
};
const full = code.steps.map(({ when: _when, ...step }) => step);

describe('readRemoteFlow', () => {
  it('a response step with only id and type compares on id and type alone', () => {
    const remote = readRemoteFlow({
      name: 'F',
      flowSteps: [
        { id: 'a', type: 'prompt' },
        { id: 'b', type: 'transform-data' },
      ],
    });
    expect(remote.unknown.get('a')).toEqual(['name', 'order', 'enabled', 'config', 'when']);
    expect(remoteMatchesCode(remote, code)).toBe(true);
    expect(remoteAgainstCode(remote, code)).toEqual({ name: 'F', steps: code.steps });
  });

  it('a field the response carries is compared', () => {
    const edited = full.map((s) => (s.id === 'b' ? { ...s, config: { script: 'return 2' } } : s));
    expect(remoteMatchesCode(readRemoteFlow({ name: 'F', flowSteps: edited }), code)).toBe(false);
    expect(remoteMatchesCode(readRemoteFlow({ name: 'F', flowSteps: full }), code)).toBe(true);
  });

  it('without flow-steps, when is unknown; with it, when is compared (absent means none)', () => {
    const without = readRemoteFlow({ name: 'F', flowSteps: full });
    expect(remoteMatchesCode(without, code)).toBe(true);
    const same = readRemoteFlow({ name: 'F', flowSteps: full }, [
      { id: 'a', when: 'x > 1' },
      { id: 'b' },
    ]);
    expect(remoteMatchesCode(same, code)).toBe(true);
    const edited = readRemoteFlow({ name: 'F', flowSteps: full }, [
      { id: 'a', when: 'false' },
      { id: 'b' },
    ]);
    expect(remoteMatchesCode(edited, code)).toBe(false);
    const dropped = readRemoteFlow({ name: 'F', flowSteps: full }, [{ id: 'a' }, { id: 'b' }]);
    expect(remoteMatchesCode(dropped, code)).toBe(false);
  });

  it('the drift hash never has when or description, so reading flow-steps does not move it', () => {
    const plain = readRemoteFlow({ name: 'F', flowSteps: full });
    const withWhen = readRemoteFlow({ name: 'F', flowSteps: full }, [{ id: 'a', when: 'x > 1' }]);
    expect(withWhen.stateHash).toBe(plain.stateHash);
    expect(plain.stateHash).toBe(contentHash({ name: 'F', steps: full }));
  });

  it('orders steps by order, and fills a missing order from the position', () => {
    const remote = readRemoteFlow({
      name: 'F',
      flowSteps: [
        { id: 'b', type: 't', order: 2 },
        { id: 'a', type: 'p', order: 1 },
      ],
    });
    expect(remote.payload.steps.map((s) => s.id)).toEqual(['a', 'b']);
  });
});

describe('description in the plan', () => {
  const desired = (p: FlowPayload) => ({ key: 'f', payload: p, hash: contentHash(p) });
  const tracked = (p: FlowPayload) =>
    new Map([
      ['f', { id: '1', hash: contentHash(p), name: 'F', descriptionHash: descriptionHash(p) }],
    ]);

  it('is not part of the content hash', () => {
    expect(contentHash(code)).toBe(contentHash({ ...code, description: 'other' }));
    expect(contentHash(code)).toBe(contentHash({ name: code.name, steps: code.steps }));
  });

  it('a description-only edit is a noop carrying a note', () => {
    const plan = planChanges({
      desired: [desired({ ...code, description: 'new text' })],
      tracked: tracked(code),
    });
    expect(plan.changes).toEqual([
      expect.objectContaining({ kind: 'noop', descriptionChanged: true }),
    ]);
  });

  it('an unchanged description, or none on either side, carries no note', () => {
    expect(
      planChanges({ desired: [desired(code)], tracked: tracked(code) }).changes[0],
    ).not.toHaveProperty('descriptionChanged');
    const bare = { name: code.name, steps: code.steps };
    expect(
      planChanges({ desired: [desired(bare)], tracked: tracked(bare) }).changes[0],
    ).not.toHaveProperty('descriptionChanged');
  });
});
