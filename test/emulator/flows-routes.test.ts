import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { Emulator } from '../../src/emulator/index.js';
import { call, createFlow, parse, step } from './helpers.js';
import { deleteSchema, flowSchema, listSchema, publishSchema, updatedFlowSchema, versionSchema, versionsSchema } from './schemas.js';

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
        steps: [{ name: 'Generate Greeting', type: 'prompt', config: { model: 'gpt-4', outputVariable: 'greeting' }, enabled: true, id: 'greeting', order: 1 }],
      },
    });
    expect(res.status).toBe(201);
    const flow = parse(flowSchema, res.json);
    expect(flow).toMatchObject({
      name: 'Customer Outreach Flow',
      description: 'Automated customer communication workflow',
      status: 'draft',
      stepCount: 1,
      lastRunAt: null,
      organizationId: null,
      sampleMetadata: {},
      flowSteps: [{ id: 'greeting', name: 'Generate Greeting', type: 'prompt', enabled: true, order: 1, config: { model: 'gpt-4', outputVariable: 'greeting' } }],
    });
    expect(flow.createdAt).toBe(flow.updatedAt);
    expect(flow.dashboardUrl).toBe(`${emu.url}/dashboard/flows/${flow.id}`);
    expect(res.json).not.toHaveProperty('steps');
  });

  it('accepts flowSteps, fills defaults and generates step ids, keeps `when`', async () => {
    const flow = parse(flowSchema, await createFlow(emu, { name: 'Defaults', flowSteps: [{ name: 'a', type: 'prompt' }, { name: 'b', type: 'conditional', when: '{{x}} > 1' }] }));
    expect(flow.description).toBeNull();
    expect(flow.flowSteps.map((s) => [s.order, s.enabled, s.config])).toEqual([[1, true, {}], [2, true, {}]]);
    expect(flow.flowSteps[0]!.id).toMatch(/^step_[0-9a-f]+$/);
    expect(flow.flowSteps[0]!.id).not.toBe(flow.flowSteps[1]!.id);
    expect(flow.flowSteps[1]!.when).toBe('{{x}} > 1');
    expect(flow.flowSteps[0]).not.toHaveProperty('when');
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
    expect(res.json).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('PUT /v1/flows/:id', () => {
  it('updates top-level fields partially and returns draftVersionId', async () => {
    const created = await createFlow(emu, { name: 'Before', description: 'd', steps: [step('one'), step('two')] });
    const res = await call(emu, 'PUT', `/v1/flows/${created.id}`, { body: { name: 'After' } });
    expect(res.status).toBe(200);
    const updated = parse(updatedFlowSchema, res.json);
    expect(updated).toMatchObject({ id: created.id, name: 'After', description: 'd', stepCount: 2, createdAt: created.createdAt });
    expect(updated.flowSteps).toEqual(created.flowSteps);
    expect(updated.updatedAt >= created.updatedAt).toBe(true);
  });

  it('replaces the whole step list when one is given (steps or flowSteps), and can clear description', async () => {
    const created = await createFlow(emu, { name: 'Steps', description: 'd', steps: [step('one'), step('two'), step('three')] });
    const res = await call(emu, 'PUT', `/v1/flows/${created.id}`, { body: { flowSteps: [step('only', 'transform-data')], description: null } });
    const updated = parse(updatedFlowSchema, res.json);
    expect(updated.flowSteps.map((s) => s.name)).toEqual(['only']);
    expect(updated.description).toBeNull();
    const again = await call(emu, 'PUT', `/v1/flows/${created.id}`, { body: { steps: [] } });
    expect(parse(updatedFlowSchema, again.json).stepCount).toBe(0);
    expect((await call(emu, 'GET', `/v1/flows/${created.id}`)).json.stepCount).toBe(0);
  });

  it('rewrites one draft until publish, then opens a new one', async () => {
    const created = await createFlow(emu, { name: 'Drafts' });
    const first = parse(updatedFlowSchema, (await call(emu, 'PUT', `/v1/flows/${created.id}`, { body: { name: 'D1' } })).json);
    const second = parse(updatedFlowSchema, (await call(emu, 'PUT', `/v1/flows/${created.id}`, { body: { name: 'D2' } })).json);
    expect(second.draftVersionId).toBe(first.draftVersionId);
    const published = parse(publishSchema, (await call(emu, 'POST', `/v1/flows/${created.id}/publish`, { body: {} })).json);
    expect(published.publishedVersionId).toBe(first.draftVersionId);
    const third = parse(updatedFlowSchema, (await call(emu, 'PUT', `/v1/flows/${created.id}`, { body: { name: 'D3' } })).json);
    expect(third.draftVersionId).not.toBe(first.draftVersionId);
  });

  it('is 404 for an unknown id and 400 naming the field for bad input', async () => {
    expect((await call(emu, 'PUT', '/v1/flows/nope', { body: { name: 'x' } })).status).toBe(404);
    const created = await createFlow(emu, { name: 'Valid' });
    const res = await call(emu, 'PUT', `/v1/flows/${created.id}`, { body: { name: '' } });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'name' } });
    expect(emu.state.get(created.id)?.name).toBe('Valid');
  });
});

describe('DELETE /v1/flows/:id', () => {
  it('answers 200 { success, message }, then 404 for the id', async () => {
    const created = await createFlow(emu, { name: 'Doomed' });
    const res = await call(emu, 'DELETE', `/v1/flows/${created.id}`);
    expect(res.status).toBe(200);
    parse(deleteSchema, res.json);
    expect((await call(emu, 'GET', `/v1/flows/${created.id}`)).status).toBe(404);
    expect((await call(emu, 'DELETE', `/v1/flows/${created.id}`)).status).toBe(404);
    expect((await call(emu, 'GET', `/v1/flow-versions/${created.id}`)).status).toBe(404);
    const list = parse(listSchema, (await call(emu, 'GET', '/v1/flows')).json);
    expect(list.data).toHaveLength(0);
  });
});

describe('publish and versions', () => {
  it('freezes the draft into v1, v2 … and lists versions newest first', async () => {
    const created = await createFlow(emu, { name: 'Versioned', steps: [step('one')] });
    let versions = parse(versionsSchema, (await call(emu, 'GET', `/v1/flow-versions/${created.id}`)).json);
    expect(versions).toMatchObject({ flowId: created.id, publishedVersionId: null });
    expect(versions.versions.map((v) => [v.versionNumber, v.versionType])).toEqual([[1, 'draft']]);

    const p1 = parse(publishSchema, (await call(emu, 'POST', `/v1/flows/${created.id}/publish`)).json);
    expect((await call(emu, 'GET', `/v1/flows/${created.id}`)).json.status).toBe('active');
    await call(emu, 'PUT', `/v1/flows/${created.id}`, { body: { steps: [step('one'), step('two')] } });
    versions = parse(versionsSchema, (await call(emu, 'GET', `/v1/flow-versions/${created.id}`)).json);
    expect(versions.publishedVersionId).toBe(p1.publishedVersionId);
    expect(versions.versions.map((v) => [v.versionNumber, v.versionType, v.label, v.stepCount])).toEqual([
      [2, 'draft', null, 2],
      [1, 'published', 'v1', 1],
    ]);
    expect(versions.versions[0]!.stepSummary.map((s) => s.name)).toEqual(['one', 'two']);

    const p2 = parse(publishSchema, (await call(emu, 'POST', `/v1/flows/${created.id}/publish`, { body: {} })).json);
    const published = parse(versionSchema, (await call(emu, 'GET', `/v1/flow-versions/${created.id}/published`)).json);
    expect(published).toMatchObject({ id: p2.publishedVersionId, versionNumber: 2, versionType: 'published' });
    expect(published.flowConfig.steps).toHaveLength(2);
    const old = parse(versionSchema, (await call(emu, 'GET', `/v1/flow-versions/${created.id}/${p1.publishedVersionId}`)).json);
    expect(old.flowConfig.steps.map((s) => s.name)).toEqual(['one']);
    const filtered = parse(versionsSchema, (await call(emu, 'GET', `/v1/flow-versions/${created.id}?type=draft`)).json);
    expect(filtered.versions).toEqual([]);
  });

  it('publish without a pending draft is 400; unknown flow is 404', async () => {
    const created = await createFlow(emu, { name: 'Once' });
    expect((await call(emu, 'POST', `/v1/flows/${created.id}/publish`)).status).toBe(200);
    const again = await call(emu, 'POST', `/v1/flows/${created.id}/publish`);
    expect(again.status).toBe(400);
    expect(again.json.code).toBe('NOTHING_TO_PUBLISH');
    expect((await call(emu, 'POST', '/v1/flows/nope/publish')).status).toBe(404);
    expect((await call(emu, 'GET', `/v1/flow-versions/nope`)).status).toBe(404);
    expect((await call(emu, 'GET', `/v1/flow-versions/${created.id}/flowver_nope`)).status).toBe(404);
    const unpublished = await createFlow(emu, { name: 'Never' });
    expect((await call(emu, 'GET', `/v1/flow-versions/${unpublished.id}/published`)).status).toBe(404);
    expect((await call(emu, 'GET', `/v1/flow-versions/${unpublished.id}?type=bogus`)).json.details).toEqual({ field: 'type' });
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
