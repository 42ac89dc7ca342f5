/**
 * Drafts, publish, the versions endpoints and publishing a given version (rollback / roll forward).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { call, createFlow, parse, startEmulator, step, UNKNOWN_FLOW_ID } from './helpers.js';
import {
  errorSchema,
  publishSchema,
  updatedFlowSchema,
  versionSchema,
  versionsSchema,
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
});

const json = async (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
  (await call(emu, method, path, { body })).json;
const versions = async (id: string, query = '') =>
  parse(versionsSchema, await json('GET', `/v1/flow-versions/${id}${query}`));
const publish = async (id: string) =>
  parse(publishSchema, await json('POST', `/v1/flows/${id}/publish`));
const publishVersion = (id: string, versionId: unknown) =>
  call(emu, 'POST', `/v1/flow-versions/${id}/publish`, { body: { versionId } });

describe('drafts and publish', () => {
  it('opens draft v1 on create, rewrites it on PUT, freezes it on publish', async () => {
    const created = await createFlow(emu, { name: 'Versioned', steps: [step('one')] });
    const draftOnly = [{ versionNumber: 1, versionType: 'draft' }];
    const initial = { flowId: created.id, publishedVersionId: null, versions: draftOnly };
    expect(await versions(created.id)).toMatchObject(initial);
    const first = parse(
      updatedFlowSchema,
      await json('PUT', `/v1/flows/${created.id}`, { name: 'V' }),
    );
    const second = parse(updatedFlowSchema, await json('PUT', `/v1/flows/${created.id}`, {}));
    expect(second.draftVersionId).toBe(first.draftVersionId);
    const p1 = await publish(created.id);
    expect(p1.publishedVersionId).toBe(first.draftVersionId);
    const twoSteps = [step('one'), step('two', 'send-email', { when: 'x' })];
    await json('PUT', `/v1/flows/${created.id}`, { flowSteps: twoSteps });
    const listed = await versions(created.id);
    expect(listed.publishedVersionId).toBe(p1.publishedVersionId);
    expect(
      listed.versions.map((v) => [
        v.versionNumber,
        v.versionType,
        v.label,
        v.stepCount,
        v.stepSummary,
      ]),
    ).toEqual([
      [2, 'draft', null, 2, '2 steps: prompt, send-email'],
      [1, 'published', 'v1', 1, '1 step: prompt'],
    ]);
    expect(
      (await versions(created.id, '?type=draft')).versions.map((v) => v.versionNumber),
    ).toEqual([2]);
    expect((await versions(created.id, '?type=test')).versions).toEqual([]);
    const draft = parse(
      versionSchema,
      await json('GET', `/v1/flow-versions/${created.id}/${listed.versions[0]!.id}`),
    );
    expect(draft.flowConfig).toMatchObject({
      name: 'V',
      flowSteps: [{ name: 'one' }, { name: 'two', when: 'x' }],
    });
  });

  it('publish with nothing pending is 404 saying so; an unknown flow is 404 too', async () => {
    const created = await createFlow(emu, { name: 'Once' });
    expect((await call(emu, 'POST', `/v1/flows/${created.id}/publish`)).status).toBe(200);
    const again = await call(emu, 'POST', `/v1/flows/${created.id}/publish`);
    expect(again.status).toBe(404);
    const error = expect.stringMatching(/no draft version/) as unknown;
    const noDraft = { error, details: [{ code: 'NO_DRAFT_VERSION' }] };
    expect(parse(errorSchema, again.json)).toMatchObject(noDraft);
    const unknown = await call(emu, 'POST', `/v1/flows/${UNKNOWN_FLOW_ID}/publish`);
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toBe(`Flow ${UNKNOWN_FLOW_ID} not found`);
    const never = await createFlow(emu, { name: 'Never' });
    expect((await call(emu, 'GET', `/v1/flow-versions/${never.id}/published`)).status).toBe(404);
  });
});

describe('POST /v1/flow-versions/{flowId}/publish', () => {
  it('rolls back to an older version and forward again: only the live pointer moves', async () => {
    const flow = await createFlow(emu, { name: 'Roll', steps: [step('v1')] });
    const v1 = (await publish(flow.id)).publishedVersionId;
    await call(emu, 'PUT', `/v1/flows/${flow.id}`, { body: { flowSteps: [step('v2')] } });
    const v2 = (await publish(flow.id)).publishedVersionId;
    const back = await publishVersion(flow.id, v1);
    expect(back.status).toBe(200);
    expect(back.json).toEqual({
      success: true,
      message: expect.any(String),
      flowId: flow.id,
      versionId: v1,
    });
    expect((await versions(flow.id)).publishedVersionId).toBe(v1);
    expect(
      parse(versionSchema, await json('GET', `/v1/flow-versions/${flow.id}/published`))
        .versionNumber,
    ).toBe(1);
    const current = await json('GET', `/v1/flows/${flow.id}`);
    expect(current.flowSteps.map((s: { name: string }) => s.name)).toEqual(['v2']);
    expect((await versions(flow.id)).versions.map((v) => v.versionNumber)).toEqual([2, 1]);
    expect((await call(emu, 'POST', `/v1/flows/${flow.id}/publish`)).status).toBe(404); // nothing pending
    await publishVersion(flow.id, v2);
    expect((await versions(flow.id)).publishedVersionId).toBe(v2);
  });

  it('publishes the pending draft by id like POST /v1/flows/{id}/publish', async () => {
    const flow = await createFlow(emu, { name: 'Draft by id' });
    const draftId = (await versions(flow.id)).versions[0]!.id;
    expect((await publishVersion(flow.id, draftId)).status).toBe(200);
    const published = {
      publishedVersionId: draftId,
      versions: [{ versionType: 'published', label: 'v1' }],
    };
    expect(await versions(flow.id)).toMatchObject(published);
  });

  it('is 400 without a versionId, 404 for unknown flows or versions; another flow’s version 400 on GET', async () => {
    const flow = await createFlow(emu, { name: 'A' });
    const other = await createFlow(emu, { name: 'B' });
    const otherVersion = (await versions(other.id)).versions[0]!.id;
    const missing = await call(emu, 'POST', `/v1/flow-versions/${flow.id}/publish`, { body: {} });
    expect(missing.status).toBe(400);
    const detail = expect.objectContaining({
      code: 'MISSING_REQUIRED_FIELD',
      path: 'versionId',
    }) as unknown;
    expect(missing.json.details).toEqual([detail]);
    expect((await publishVersion(flow.id, 7)).status).toBe(400);
    expect((await publishVersion('nope', otherVersion)).status).toBe(404);
    expect((await publishVersion(flow.id, 'flowver_x')).status).toBe(404);
    expect((await publishVersion(flow.id, otherVersion)).status).toBe(404);
    expect((await call(emu, 'GET', `/v1/flow-versions/${flow.id}/${otherVersion}`)).status).toBe(
      400,
    );
    expect((await call(emu, 'GET', `/v1/flow-versions/${flow.id}/flowver_nope`)).status).toBe(404);
    expect((await call(emu, 'GET', '/v1/flow-versions/nope')).status).toBe(404);
  });
});
