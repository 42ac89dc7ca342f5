/**
 * The emulator accepts exactly the request bodies the document accepts (plus its marked
 * guesses), and a 400 names every problem with the documented Error details.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, startEmulator } from '../emulator/helpers.js';
import type { CheckedEmulator } from './checked-emulator.js';
import { validateRequestBody } from './openapi.js';

let emu: CheckedEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.state.clear();
});

const create = (body: unknown) => call(emu, 'POST', '/v1/flows', { body });
const s = (extra: Record<string, unknown>) => ({ type: 'prompt', name: 'S', ...extra });

describe('POST /v1/flows refusals', () => {
  it('names every problem of one step, with codes and suggestions', async () => {
    const raw =
      '{"name":"x","steps":[{"type":"return","name":"","id":"bad id!","order":-1.5,"when":{"a":1}}]}';
    const res = await call(emu, 'POST', '/v1/flows', { raw });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json).sort()).toEqual(['details', 'error']);
    const byPath = Object.fromEntries(
      (res.json.details as { path: string }[]).map((d) => [d.path, d]),
    );
    const paths = ['steps.0.id', 'steps.0.name', 'steps.0.order', 'steps.0.type', 'steps.0.when'];
    expect(Object.keys(byPath).sort()).toEqual(paths);
    const allowed = expect.stringContaining('Allowed: prompt, crawl') as unknown;
    expect(byPath['steps.0.type']).toMatchObject({ code: 'INVALID_ENUM', suggestion: allowed });
    expect(byPath['steps.0.name']).toMatchObject({ code: 'TOO_SHORT' });
    const safeId = expect.stringContaining('"bad_id_"') as unknown;
    expect(byPath['steps.0.id']).toMatchObject({ code: 'INVALID_FORMAT', suggestion: safeId });
    expect(byPath['steps.0.order']).toMatchObject({ code: 'NOT_INTEGER' });
    expect(byPath['steps.0.when']).toMatchObject({ code: 'INVALID_TYPE' });
    expect(res.json.error).toMatch(/^Validation failed: .*\(and 4 more problems\)$/);
    expect(emu.state.count()).toBe(0);
  });

  it('suggests the nearest step type', async () => {
    const res = await create({
      name: 'x',
      flowSteps: [s({}), s({ type: 'sendEmail' }), s({ type: 'customStep' })],
    });
    expect(res.json.details.map((d: { path: string }) => d.path)).toEqual([
      'flowSteps.1.type',
      'flowSteps.2.type',
    ]);
    expect(res.json.details[0].suggestion).toMatch(/^Did you mean 'send-email'\?/);
  });

  it('names problems across steps and top-level fields at once', async () => {
    const res = await create({
      name: 3,
      steps: [s({ id: 'a'.repeat(129) }), s({ when: 'w'.repeat(501) }), 'x'],
    });
    expect(res.json.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
      ['name', 'INVALID_TYPE'],
      ['steps.0.id', 'TOO_LONG'],
      ['steps.1.when', 'TOO_LONG'],
      ['steps.2', 'INVALID_TYPE'],
    ]);
  });
});

describe('POST /v1/flows acceptances', () => {
  it('accepts ids with : _ . and a 128-char id, a 500-char when, order 0', async () => {
    const steps = ['ns:step', '_init', 'a.b', 'a-b', 'x'.repeat(128)].map((id) => s({ id }));
    const res = await create({
      name: 'ids',
      steps: [...steps, s({ when: 'w'.repeat(500), order: 0 })],
    });
    expect(res.status).toBe(201);
    expect(res.json.flowSteps.map((step: { id: string }) => step.id).slice(0, 3)).toEqual([
      'ns:step',
      '_init',
      'a.b',
    ]);
  });

  it('ignores fields the request schema does not name, top level and per step', async () => {
    const steps = [s({ extra: 1, outputs: [] })];
    const res = await create({ name: 'extra', description: 'd', status: 'active', steps });
    expect(res.status).toBe(201);
    expect(res.json).not.toHaveProperty('description');
    expect(res.json).not.toHaveProperty('status');
    expect(res.json.flowSteps[0]).not.toHaveProperty('extra');
  });

  it('accepts extra step types only when configured', async () => {
    expect((await create({ name: 'x', steps: [s({ type: 'customStep' })] })).status).toBe(400);
    const extra = await startEmulator({ extraStepTypes: ['customStep'] });
    try {
      const res = await call(extra, 'POST', '/v1/flows', {
        body: { name: 'x', steps: [s({ type: 'customStep' })] },
      });
      expect(res.status).toBe(201);
      const other = await call(extra, 'POST', '/v1/flows', {
        body: { name: 'x', steps: [s({ type: 'customStp' })] },
      });
      expect(other.json.details[0].suggestion).toMatch(/Did you mean 'customStep'/);
      expect(() =>
        extra.state.create({ name: 'y', steps: [s({ type: 'customStep' })] }),
      ).not.toThrow();
    } finally {
      await extra.close();
    }
  });
});

describe('agreement with the document', () => {
  // Bodies on both sides of each documented rule; the emulator must decide as the schema does.
  const bodies: unknown[] = [
    { name: 'a' },
    { name: '' },
    {},
    { name: 1 },
    { name: 'a', steps: [] },
    { name: 'a', flowSteps: {} },
    { name: 'a', steps: [s({})] },
    { name: 'a', steps: [{ name: 'n' }] },
    { name: 'a', steps: [{ type: 'prompt' }] },
    { name: 'a', steps: [s({ type: 'prompts' })] },
    { name: 'a', steps: [s({ id: '' })] },
    { name: 'a', steps: [s({ id: 'a b' })] },
    { name: 'a', steps: [s({ id: 'é' })] },
    { name: 'a', steps: [s({ id: 'x'.repeat(129) })] },
    { name: 'a', steps: [s({ order: 0 })] },
    { name: 'a', steps: [s({ order: -1 })] },
    { name: 'a', steps: [s({ order: 2.5 })] },
    { name: 'a', steps: [s({ enabled: false })] },
    { name: 'a', steps: [s({ enabled: 'no' })] },
    { name: 'a', steps: [s({ when: '' })] },
    { name: 'a', steps: [s({ when: 1 })] },
    { name: 'a', steps: [s({ config: { a: [1] } })] },
    { name: 'a', steps: [s({})], flowSteps: [s({ type: 'x' })] },
    { name: 'a', junk: { deep: true } },
  ];

  it.each(bodies.map((b) => [JSON.stringify(b).slice(0, 80), b]))('%s', async (_label, body) => {
    const documentSays = validateRequestBody('POST', '/v1/flows', body);
    const res = await create(body);
    const status = documentSays.length === 0 ? 201 : 400;
    expect({ status: res.status, documentSays }).toEqual({ status, documentSays });
  });
});
