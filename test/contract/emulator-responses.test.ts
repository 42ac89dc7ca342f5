/**
 * Drives the emulator through every endpoint and every status it can produce, and checks each
 * answer against the document (strictly: exactly the documented fields). The test fails on any
 * violation, and also if a (method, operation, status) below was never produced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseInfo } from '../../src/emulator/index.js';
import { call, startEmulator, UNKNOWN_FLOW_ID } from '../emulator/helpers.js';
import type { CheckedEmulator } from './checked-emulator.js';
import { matchOperation } from './openapi.js';

const seen = new Set<string>();
const record = (info: ResponseInfo): void => {
  seen.add(`${info.method} ${matchOperation(info.method, info.path) ?? info.path} ${info.status}`);
};

let emu: CheckedEmulator;
let readOnly: CheckedEmulator;
let second: CheckedEmulator;
beforeAll(async () => {
  emu = await startEmulator({ onResponse: record, bodyLimitBytes: 4096 });
  readOnly = await startEmulator({ onResponse: record, readOnly: true });
  second = await startEmulator({ reading: 'second' });
});
afterAll(async () => {
  await emu.close();
  await readOnly.close();
  await second.close();
});

const step = (name: string, type = 'prompt', extra: Record<string, unknown> = {}) => ({
  name,
  type,
  config: { userPrompt: name },
  ...extra,
});

describe('every endpoint and status follows the document', () => {
  it('flows CRUD, publish, versions, flow-steps', async () => {
    const steps = [step('a'), step('b', 'send-email', { when: 'x', order: 5 })];
    const body = { name: 'Contract', description: 'd', steps };
    const flow = (await call(emu, 'POST', '/v1/flows', { body })).json as { id: string };
    await call(emu, 'POST', '/v1/flows', { body: { steps: [{}] } });
    await call(emu, 'GET', `/v1/flows/${flow.id}`);
    await call(emu, 'GET', `/v1/flows/${UNKNOWN_FLOW_ID}`);
    await call(emu, 'GET', '/v1/flows/nope'); // 400: malformed
    await call(emu, 'PUT', `/v1/flows/${flow.id}`, {
      body: { name: 'C2', flowSteps: [step('c', 'template')] },
    });
    await call(emu, 'PUT', `/v1/flows/${flow.id}`, { body: { flowSteps: [{ type: 'x' }] } });
    await call(emu, 'PUT', `/v1/flows/${UNKNOWN_FLOW_ID}`, { body: {} });
    const v1 = (await call(emu, 'POST', `/v1/flows/${flow.id}/publish`)).json
      .publishedVersionId as string;
    await call(emu, 'POST', `/v1/flows/${flow.id}/publish`);
    await call(emu, 'PUT', `/v1/flows/${flow.id}`, { body: { flowSteps: [step('d')] } });
    await call(emu, 'POST', `/v1/flows/${flow.id}/publish`);
    for (const query of ['', '?type=draft', '?type=published', '?type=virtual']) {
      await call(emu, 'GET', `/v1/flow-versions/${flow.id}${query}`);
    }
    await call(emu, 'GET', '/v1/flow-versions/nope');
    await call(emu, 'GET', `/v1/flow-versions/${flow.id}/published`);
    await call(emu, 'GET', `/v1/flow-versions/${flow.id}/${v1}`);
    await call(emu, 'GET', `/v1/flow-versions/${flow.id}/flowver_nope`);
    const other = (await call(emu, 'POST', '/v1/flows', { body: { name: 'Other' } })).json as {
      id: string;
    };
    await call(emu, 'GET', `/v1/flow-versions/${other.id}/${v1}`); // 400: another flow's version
    await call(emu, 'GET', `/v1/flow-versions/${other.id}/published`); // 404: never published
    await call(emu, 'POST', `/v1/flow-versions/${flow.id}/publish`, { body: { versionId: v1 } });
    await call(emu, 'POST', `/v1/flow-versions/${flow.id}/publish`, { body: {} });
    await call(emu, 'POST', `/v1/flow-versions/${flow.id}/publish`, {
      body: { versionId: 'flowver_nope' },
    });
    await call(emu, 'GET', `/v1/flow-steps/flow/${flow.id}`);
    await call(emu, 'GET', `/v1/flows/${flow.id}/export-runtime`); // 501: not emulated
    await call(emu, 'POST', `/v1/flows/${flow.id}/run-on-record-type`, { body: {} });
    await call(emu, 'GET', `/v1/flows/${flow.id}/step-results`);
    await call(emu, 'GET', `/v1/flow-steps/flow/${UNKNOWN_FLOW_ID}`);
    expect((await call(emu, 'DELETE', `/v1/flows/${other.id}`)).status).toBe(204);
    await call(emu, 'DELETE', `/v1/flows/${other.id}`);
  });

  it('listing: pages forwards and backwards, counts, bad parameters', async () => {
    for (let i = 0; i < 7; i++) emu.state.create({ name: `Page ${i}` });
    let page = (await call(emu, 'GET', '/v1/flows?limit=3&includeCount=true')).json;
    const next = async (cursor: string) =>
      (await call(emu, 'GET', `/v1/flows?limit=3&cursor=${cursor}`)).json;
    let pages = 1;
    for (; page.pagination.nextCursor !== null; pages++)
      page = await next(page.pagination.nextCursor);
    for (; page.pagination.prevCursor !== null; pages++)
      page = await next(page.pagination.prevCursor);
    expect(pages).toBe(5); // 3 forwards, 2 back
    await call(emu, 'GET', '/v1/flows?direction=prev&includeCount=1&search=page');
    await call(emu, 'GET', '/v1/flows?limit=abc');
  });

  it('public validation: with and without a key, valid and not, not JSON', async () => {
    const flowSteps = [
      step('a'),
      step('b', 'prompt', { enabled: false }),
      { type: 'nope', name: '' },
    ];
    const flow = { name: 'Check', flowSteps };
    const res = await call(emu, 'POST', '/v1/public/flows/validate', { body: flow, auth: null });
    expect(res.json.valid).toBe(false);
    const ok = { name: 'Ok', steps: [step('a', 'prompt', { config: { outputVariable: 'o' } })] };
    expect((await call(emu, 'POST', '/v1/public/flows/validate', { body: ok })).json.valid).toBe(
      true,
    );
    await call(emu, 'POST', '/v1/public/flows/validate', { body: [], auth: 'Bearer wrong' });
    expect(
      (await call(emu, 'POST', '/v1/public/flows/validate', { raw: '{"name":', auth: null }))
        .status,
    ).toBe(400);
  });

  it('errors: 401, 404 and 405 routes, 413, read-only 405, injected 429/500/503', async () => {
    expect((await call(emu, 'GET', '/v1/flows', { auth: null })).status).toBe(401);
    await call(emu, 'GET', '/v1/agents');
    await call(emu, 'PATCH', '/v1/flows/x');
    await call(emu, 'POST', '/v1/flows', { body: { name: 'x'.repeat(5000) } });
    await call(readOnly, 'POST', '/v1/flows', { body: { name: 'x' } });
    await call(readOnly, 'POST', '/v1/public/flows/validate', { body: { name: 'x' } });
    for (const [faults, path] of [
      [{ rateLimitRate: 1, retryAfterSeconds: 0 }, '/v1/flows'],
      [{ errorRate: 1, seed: 1 }, '/v1/flows'],
      [{ errorRate: 1, seed: 3 }, '/v1/flows'],
      [{ errorRate: 1, seed: 1 }, '/v1/public/flows/validate'],
    ] as const) {
      emu.setFaults(faults);
      const method = path.includes('validate') ? 'POST' : 'GET';
      for (let i = 0; i < 6; i++) await call(emu, method, path, { body: { name: 'f' } });
      emu.clearFaults();
    }
  });

  it('produced every documented status it can, and no violation', () => {
    const expected = [
      'POST /v1/flows 201',
      'POST /v1/flows 400',
      'POST /v1/flows 413',
      'POST /v1/flows 405',
      'GET /v1/flows 200',
      'GET /v1/flows 400',
      'GET /v1/flows 401',
      'GET /v1/flows 429',
      'GET /v1/flows 500',
      'GET /v1/flows 503',
      'GET /v1/flows/{id} 200',
      'GET /v1/flows/{id} 400',
      'GET /v1/flows/{id} 404',
      'GET /v1/flows/{id}/export-runtime 501',
      'POST /v1/flows/{id}/run-on-record-type 501',
      'GET /v1/flows/{id}/step-results 501',
      'PUT /v1/flows/{id} 200',
      'PUT /v1/flows/{id} 400',
      'PUT /v1/flows/{id} 404',
      'DELETE /v1/flows/{id} 204',
      'DELETE /v1/flows/{id} 404',
      'POST /v1/flows/{id}/publish 200',
      'POST /v1/flows/{id}/publish 404',
      'GET /v1/flow-versions/{flowId} 200',
      'GET /v1/flow-versions/{flowId} 404',
      'GET /v1/flow-versions/{flowId}/published 200',
      'GET /v1/flow-versions/{flowId}/published 404',
      'GET /v1/flow-versions/{flowId}/{versionId} 200',
      'GET /v1/flow-versions/{flowId}/{versionId} 400',
      'GET /v1/flow-versions/{flowId}/{versionId} 404',
      'POST /v1/flow-versions/{flowId}/publish 200',
      'POST /v1/flow-versions/{flowId}/publish 400',
      'POST /v1/flow-versions/{flowId}/publish 404',
      'GET /v1/flow-steps/flow/{flowId} 200',
      'GET /v1/flow-steps/flow/{flowId} 404',
      'POST /v1/public/flows/validate 200',
      'POST /v1/public/flows/validate 400',
      'POST /v1/public/flows/validate 500',
      'GET /v1/agents 404',
      'PATCH /v1/flows/x 405',
    ];
    expect(expected.filter((key) => !seen.has(key))).toEqual([]);
    expect([...emu.violations(), ...readOnly.violations()]).toEqual([]);
  });

  it('the second reading answers the open points the other way, within the document', async () => {
    const steps = [step('a'), step('b', 'send-email', { when: 'x' })];
    const flow = (await call(second, 'POST', '/v1/flows', { body: { name: 'Two', steps } }))
      .json as { id: string };
    await call(second, 'POST', `/v1/flows/${flow.id}/publish`); // 404: published at once
    await call(second, 'PUT', `/v1/flows/${flow.id}`, { body: { flowSteps: [step('a')] } });
    await call(second, 'GET', `/v1/flow-versions/${flow.id}`);
    const published = await call(second, 'GET', `/v1/flow-versions/${flow.id}/published`);
    await call(second, 'GET', `/v1/flow-versions/${flow.id}/${published.json.id}`); // { steps }
    const draft = (await call(second, 'GET', `/v1/flow-versions/${flow.id}?type=draft`)).json
      .versions[0].id as string;
    await call(second, 'GET', `/v1/flow-versions/${flow.id}/${draft}`); // flowConfig null
    await call(second, 'POST', `/v1/flows/${flow.id}/publish`);
    await call(second, 'POST', `/v1/flow-versions/${flow.id}/publish`, {
      body: { versionId: published.json.id },
    }); // a copy, the other one archived
    await call(second, 'GET', `/v1/flow-versions/${flow.id}`);
    for (let i = 0; i < 30; i++) second.state.create({ name: `Page ${i}` });
    await call(second, 'GET', '/v1/flows?limit=100&search=nothing-matches');
    expect(second.violations()).toEqual([]);
  });
});
