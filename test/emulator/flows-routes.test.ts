import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { call, createFlow, parse, startEmulator, step, UNKNOWN_FLOW_ID } from './helpers.js';
import {
  errorSchema,
  flowSchema,
  listSchema,
  publishSchema,
  updatedFlowSchema,
} from './schemas.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.state.clear();
  emu.clearRequests();
});

describe('POST /v1/flows', () => {
  it('creates a flow from the docs example (steps alias) and answers 201 with flowSteps', async () => {
    const res = await call(emu, 'POST', '/v1/flows', {
      body: {
        name: 'Customer Outreach Flow',
        description: 'Automated customer communication workflow',
        steps: [
          {
            name: 'Generate Greeting',
            type: 'prompt',
            config: { model: 'gpt-4', outputVariable: 'greeting' },
            enabled: true,
            id: 'greeting',
            order: 1,
          },
        ],
      },
    });
    expect(res.status).toBe(201);
    const flow = parse(flowSchema, res.json);
    expect(flow).toMatchObject({
      name: 'Customer Outreach Flow',
      stepCount: 1,
      lastRunAt: null,
      organizationId: null,
      sampleMetadata: {},
      flowSteps: [
        {
          id: 'greeting',
          name: 'Generate Greeting',
          type: 'prompt',
          enabled: true,
          order: 1,
          config: { model: 'gpt-4', outputVariable: 'greeting' },
        },
      ],
    });
    expect(flow.createdAt).toBe(flow.updatedAt);
    expect(flow.dashboardUrl).toBe(`${emu.url}/dashboard/flows/${flow.id}`);
    expect(res.json).not.toHaveProperty('steps');
  });

  it('accepts flowSteps, fills defaults and generates step ids; `when` is kept but not answered', async () => {
    const body = {
      name: 'Defaults',
      flowSteps: [
        { name: 'a', type: 'prompt' },
        { name: 'b', type: 'conditional', when: '{{x}} > 1' },
      ],
    };
    const flow = parse(flowSchema, await createFlow(emu, body));
    expect(flow.flowSteps.map((s) => [s.order, s.enabled, s.config])).toEqual([
      [1, true, {}],
      [2, true, {}],
    ]);
    expect(flow.flowSteps[0]!.id).toMatch(/^step_[0-9a-f]+$/);
    expect(flow.flowSteps[0]!.id).not.toBe(flow.flowSteps[1]!.id);
    expect(flow.flowSteps[1]).not.toHaveProperty('when');
    const get = await call(emu, 'GET', `/v1/flows/${flow.id}`);
    expect(get.json.flowSteps[1]).not.toHaveProperty('when');
    const steps = await call(emu, 'GET', `/v1/flow-steps/flow/${flow.id}`);
    expect(steps.json.data.map((s: { when?: string }) => s.when)).toEqual([undefined, '{{x}} > 1']);
  });

  it('uses flowSteps when both aliases are sent (both are checked)', async () => {
    const flow = await createFlow(emu, {
      name: 'Both',
      steps: [step('ignored')],
      flowSteps: [step('used')],
    });
    expect(flow.flowSteps.map((s) => s.name)).toEqual(['used']);
  });

  it('creates a flow with no steps, and allows duplicate names', async () => {
    const a = parse(flowSchema, await createFlow(emu, { name: 'Same' }));
    const b = parse(flowSchema, await createFlow(emu, { name: 'Same' }));
    expect(a.stepCount).toBe(0);
    expect(a.id).not.toBe(b.id);
    expect(emu.state.count()).toBe(2);
  });
});

describe('GET /v1/flows/:id', () => {
  it('returns the full flow as created', async () => {
    const created = await createFlow(emu, { name: 'Get me', steps: [step('one')] });
    const res = await call(emu, 'GET', `/v1/flows/${created.id}`);
    expect(res.status).toBe(200);
    expect(parse(flowSchema, res.json)).toEqual(created);
  });

  it('is 404 with a NOT_FOUND body for an unknown id', async () => {
    const res = await call(emu, 'GET', '/v1/flows/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(parse(errorSchema, res.json).error).toContain('not found');
  });
});

describe('PUT /v1/flows/:id', () => {
  it('updates top-level fields partially and returns draftVersionId', async () => {
    const created = await createFlow(emu, {
      name: 'Before',
      description: 'd',
      steps: [step('one'), step('two')],
    });
    const res = await call(emu, 'PUT', `/v1/flows/${created.id}`, { body: { name: 'After' } });
    expect(res.status).toBe(200);
    const updated = parse(updatedFlowSchema, res.json);
    expect(updated).toMatchObject({
      id: created.id,
      name: 'After',
      stepCount: 2,
      createdAt: created.createdAt,
    });
    expect(updated.flowSteps).toEqual(created.flowSteps);
    expect(updated.updatedAt >= created.updatedAt).toBe(true);
  });

  it('replaces the whole step list when flowSteps is given; ignores steps, description and the rest', async () => {
    const created = await createFlow(emu, {
      name: 'Steps',
      steps: [step('one'), step('two'), step('three')],
    });
    const res = await call(emu, 'PUT', `/v1/flows/${created.id}`, {
      body: { flowSteps: [step('only', 'transform-data')], description: 'x' },
    });
    const updated = parse(updatedFlowSchema, res.json);
    expect(updated.flowSteps.map((s) => s.name)).toEqual(['only']);
    const ignored = await call(emu, 'PUT', `/v1/flows/${created.id}`, {
      body: { steps: [{ bad: true }], junk: 1 },
    });
    expect(parse(updatedFlowSchema, ignored.json).stepCount).toBe(1);
    const again = await call(emu, 'PUT', `/v1/flows/${created.id}`, { body: { flowSteps: [] } });
    expect(parse(updatedFlowSchema, again.json).stepCount).toBe(0);
    expect((await call(emu, 'GET', `/v1/flows/${created.id}`)).json.stepCount).toBe(0);
  });

  it('rewrites one draft until publish, then opens a new one', async () => {
    const created = await createFlow(emu, { name: 'Drafts' });
    const first = parse(
      updatedFlowSchema,
      (await call(emu, 'PUT', `/v1/flows/${created.id}`, { body: { name: 'D1' } })).json,
    );
    const second = parse(
      updatedFlowSchema,
      (await call(emu, 'PUT', `/v1/flows/${created.id}`, { body: { name: 'D2' } })).json,
    );
    expect(second.draftVersionId).toBe(first.draftVersionId);
    const published = parse(
      publishSchema,
      (await call(emu, 'POST', `/v1/flows/${created.id}/publish`, { body: {} })).json,
    );
    expect(published.publishedVersionId).toBe(first.draftVersionId);
    const third = parse(
      updatedFlowSchema,
      (await call(emu, 'PUT', `/v1/flows/${created.id}`, { body: { name: 'D3' } })).json,
    );
    expect(third.draftVersionId).not.toBe(first.draftVersionId);
  });

  it('is 404 for an unknown id and 400 naming the field for bad input', async () => {
    expect(
      (await call(emu, 'PUT', `/v1/flows/${UNKNOWN_FLOW_ID}`, { body: { name: 'x' } })).status,
    ).toBe(404);
    const created = await createFlow(emu, { name: 'Valid' });
    const res = await call(emu, 'PUT', `/v1/flows/${created.id}`, { body: { name: '' } });
    expect(res.status).toBe(400);
    expect(res.json.details).toEqual([
      { code: 'TOO_SHORT', path: 'name', message: expect.any(String) },
    ]);
    expect(emu.state.get(created.id)?.name).toBe('Valid');
  });
});

describe('DELETE /v1/flows/:id', () => {
  it('answers 204 with no body, then 404 for the id', async () => {
    const created = await createFlow(emu, { name: 'Doomed' });
    const res = await call(emu, 'DELETE', `/v1/flows/${created.id}`);
    expect(res.status).toBe(204);
    expect(res.json).toBeUndefined();
    expect(res.headers['content-length'] ?? '0').toBe('0');
    expect((await call(emu, 'GET', `/v1/flows/${created.id}`)).status).toBe(404);
    expect((await call(emu, 'DELETE', `/v1/flows/${created.id}`)).status).toBe(404);
    expect((await call(emu, 'GET', `/v1/flow-versions/${created.id}`)).status).toBe(404);
    const list = parse(listSchema, (await call(emu, 'GET', '/v1/flows')).json);
    expect(list.data).toHaveLength(0);
  });
});

describe('request log', () => {
  it('records method, path, status, query and body', async () => {
    const created = await createFlow(emu, { name: 'Logged' });
    await call(emu, 'GET', '/v1/flows?limit=5');
    expect(emu.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', '/v1/flows', 201],
      ['GET', '/v1/flows', 200],
    ]);
    expect(emu.requests[0]!.body).toEqual({ name: 'Logged' });
    expect(emu.requests[1]!.query).toBe('limit=5');
    expect(typeof emu.requests[0]!.at).toBe('number');
    expect(created.name).toBe('Logged');
    emu.clearRequests();
    expect(emu.requests).toEqual([]);
  });
});
