import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowWriteDto } from '../../src/api/index.js';
import {
  closeClients,
  rejectionOf,
  SENTINEL_KEY,
  testClient,
  USER_AGENT,
} from './helpers/client.js';
import { sendJson, startTestServer, type Handler, type TestServer } from './helpers/test-server.js';

const step = {
  id: 'greeting',
  name: 'Generate Greeting',
  type: 'prompt',
  config: { model: 'gpt-4' },
  enabled: true,
  order: 1,
};
const flow = (id: string, name = `Flow ${id}`) => ({
  id,
  name,
  description: null,
  flowSteps: [step],
  createdAt: '2025-01-01T00:00:00Z',
});
const write: FlowWriteDto = {
  name: 'Customer Outreach Flow',
  description: 'Automated',
  steps: [step],
};

let server: TestServer;
let handler: Handler;

beforeEach(async () => {
  server = await startTestServer((req, res, i, raw) => handler(req, res, i, raw));
});
afterEach(async () => {
  await closeClients();
  await server.close();
});

describe('request shape', () => {
  it('sends Bearer auth, User-Agent and JSON headers; Content-Type only with a body', async () => {
    handler = (req, res) => sendJson(res, req.method === 'POST' ? 201 : 200, flow('f1'));
    const client = testClient(server.url);
    await client.getFlow('f1');
    await client.createFlow(write);
    const [get, post] = server.requests;
    expect(get?.headers).toMatchObject({
      authorization: `Bearer ${SENTINEL_KEY}`,
      'user-agent': USER_AGENT,
      accept: 'application/json',
    });
    expect(get?.headers['content-type']).toBeUndefined();
    expect(post?.headers).toMatchObject({
      authorization: `Bearer ${SENTINEL_KEY}`,
      'content-type': 'application/json',
    });
  });

  it.each(['', '/', '/v1', '/v1/'])('base URL with suffix %j reaches /v1/...', async (suffix) => {
    handler = (_req, res) => sendJson(res, 200, flow('f1'));
    await testClient(`${server.url}${suffix}`).getFlow('f1');
    expect(server.requests.map((r) => r.url)).toEqual(['/v1/flows/f1']);
  });

  it('encodes ids into the path', async () => {
    handler = (_req, res) => sendJson(res, 200, flow('a/b c'));
    await testClient(server.url).getFlow('a/b c');
    expect(server.requests[0]?.url).toBe('/v1/flows/a%2Fb%20c');
  });

  it('createFlow POSTs the documented body with `steps` (never `flowSteps`) and accepts 201', async () => {
    handler = (_req, res) =>
      sendJson(res, 201, { ...flow('new'), organizationId: null, stepCount: 1 });
    const created = await testClient(server.url).createFlow(write);
    expect(created).toMatchObject({ id: 'new', flowSteps: [step], stepCount: 1 });
    const sent = JSON.parse(server.requests[0]?.body ?? '');
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/v1/flows' });
    expect(sent).toEqual({ name: write.name, description: write.description, steps: [step] });
  });

  it('updateFlow PUTs only name and the full list as `flowSteps` (the documented PUT), returning draftVersionId', async () => {
    handler = (_req, res) => sendJson(res, 200, { ...flow('f1'), draftVersionId: 'flowver_1' });
    const updated = await testClient(server.url).updateFlow('f1', write);
    expect(updated.draftVersionId).toBe('flowver_1');
    expect(server.requests[0]).toMatchObject({ method: 'PUT', url: '/v1/flows/f1' });
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      name: write.name,
      flowSteps: [step],
    });
  });

  it('publishFlow POSTs without a body (the document gives it none) and returns publishedVersionId', async () => {
    handler = (_req, res) =>
      sendJson(res, 200, { success: true, message: 'ok', publishedVersionId: 'flowver_2' });
    await expect(testClient(server.url).publishFlow('f1')).resolves.toMatchObject({
      publishedVersionId: 'flowver_2',
    });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      url: '/v1/flows/f1/publish',
      body: '',
    });
  });

  it('the versions endpoints: list, one version, the published one, publish a given version', async () => {
    const version = {
      id: 'flowver_1',
      flowId: 'f1',
      versionNumber: 1,
      versionType: 'published',
      label: 'v1',
    };
    handler = (req, res) => {
      if (req.url === '/v1/flow-versions/f1')
        return sendJson(res, 200, {
          flowId: 'f1',
          publishedVersionId: 'flowver_1',
          versions: [version],
        });
      if (req.method === 'POST')
        return sendJson(res, 200, {
          success: true,
          message: 'ok',
          flowId: 'f1',
          versionId: 'flowver_1',
        });
      return sendJson(res, 200, { ...version, flowConfig: null, notes: null, createdAt: 'now' });
    };
    const client = testClient(server.url);
    await expect(client.listVersions('f1')).resolves.toMatchObject({
      publishedVersionId: 'flowver_1',
      versions: [version],
    });
    await expect(client.getVersion('f1', 'flowver_1')).resolves.toMatchObject({
      id: 'flowver_1',
      flowConfig: null,
    });
    await expect(client.getPublishedVersion('f1')).resolves.toMatchObject({ versionNumber: 1 });
    await expect(client.publishVersion('f1', 'flowver_1')).resolves.toMatchObject({
      versionId: 'flowver_1',
    });
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      'GET /v1/flow-versions/f1 ',
      'GET /v1/flow-versions/f1/flowver_1 ',
      'GET /v1/flow-versions/f1/published ',
      'POST /v1/flow-versions/f1/publish {"versionId":"flowver_1"}',
    ]);
  });

  it('getFlowSteps reads the steps with their when', async () => {
    handler = (_req, res) =>
      sendJson(res, 200, {
        flowId: 'f1',
        flowName: 'F',
        data: [{ id: 's', type: 'prompt', when: 'x > 1' }],
      });
    await expect(testClient(server.url).getFlowSteps('f1')).resolves.toMatchObject({
      data: [{ id: 's', when: 'x > 1' }],
    });
    expect(server.requests[0]?.url).toBe('/v1/flow-steps/flow/f1');
  });

  it('deleteFlow accepts 204 with no body and 200 with JSON', async () => {
    handler = (_req, res, i) =>
      i === 0 ? (res.writeHead(204), res.end()) : sendJson(res, 200, { success: true });
    const client = testClient(server.url);
    await expect(client.deleteFlow('a')).resolves.toBeUndefined();
    await expect(client.deleteFlow('b')).resolves.toBeUndefined();
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'DELETE /v1/flows/a',
      'DELETE /v1/flows/b',
    ]);
  });
});

describe('listing', () => {
  const all = Array.from({ length: 250 }, (_, i) => ({
    id: `f${i}`,
    name: `Flow ${i}`,
    lastRunAt: null,
  }));

  function paged(items: typeof all): Handler {
    return (req, res) => {
      const url = new URL(req.url, 'http://x');
      const offset = Number(url.searchParams.get('cursor') ?? '0');
      const limit = Number(url.searchParams.get('limit'));
      const data = items.slice(offset, offset + limit);
      const hasMore = offset + limit < items.length;
      sendJson(res, 200, {
        data,
        pagination: { nextCursor: hasMore ? String(offset + limit) : null, hasMore, limit },
      });
    };
  }

  it('listFlows follows nextCursor across every page', async () => {
    handler = paged(all);
    const flows = await testClient(server.url).listFlows();
    expect(flows.map((f) => f.id)).toEqual(all.map((f) => f.id));
    expect(flows[0]).toMatchObject({ lastRunAt: null }); // extra server fields are kept
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/flows?limit=100',
      '/v1/flows?limit=100&cursor=100',
      '/v1/flows?limit=100&cursor=200',
    ]);
  });

  it('listFlowsPage returns one page with its pagination', async () => {
    handler = paged(all);
    const page = await testClient(server.url).listFlowsPage({
      limit: 10,
      cursor: '20',
      search: 'x',
    });
    expect(page.data.map((f) => f.id)).toEqual(all.slice(20, 30).map((f) => f.id));
    expect(page.pagination).toMatchObject({ nextCursor: '30', hasMore: true });
    expect(server.requests[0]?.url).toBe('/v1/flows?limit=10&cursor=20&search=x');
  });

  it('refuses a page that says hasMore without a cursor rather than return a partial list', async () => {
    handler = (_req, res) =>
      sendJson(res, 200, { data: [all[0]], pagination: { hasMore: true, nextCursor: null } });
    const error = await rejectionOf(testClient(server.url).listFlows());
    expect(error).toMatchObject({ code: 'API_BAD_RESPONSE', ambiguous: false });
  });

  it('refuses a cursor that repeats', async () => {
    handler = (_req, res) =>
      sendJson(res, 200, { data: [], pagination: { hasMore: true, nextCursor: 'same' } });
    const error = await rejectionOf(testClient(server.url).listFlows());
    expect(error).toMatchObject({ code: 'API_BAD_RESPONSE' });
    expect(server.requests).toHaveLength(2);
  });

  it('findFlowsByName searches on the server and keeps exact name matches only (all pages)', async () => {
    const hits = [
      { id: 'a', name: 'Outreach' },
      { id: 'b', name: 'Outreach v2' },
      { id: 'c', name: 'outreach' },
      ...Array.from({ length: 120 }, (_, i) => ({ id: `x${i}`, name: `Old Outreach ${i}` })),
      { id: 'd', name: 'Outreach' },
    ];
    handler = paged(hits as typeof all);
    const found = await testClient(server.url).findFlowsByName('Outreach');
    expect(found.map((f) => f.id)).toEqual(['a', 'd']);
    expect(
      server.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('search')),
    ).toEqual(['Outreach', 'Outreach']);
  });
});

describe('response parsing', () => {
  it('keeps unknown fields on a flow', async () => {
    handler = (_req, res) =>
      sendJson(res, 200, {
        ...flow('f1'),
        dashboardUrl: 'https://dash/f1',
        flowSteps: [{ ...step, extra: 1 }],
      });
    const got = await testClient(server.url).getFlow('f1');
    expect(got).toMatchObject({ dashboardUrl: 'https://dash/f1', flowSteps: [{ extra: 1 }] });
  });

  it('a response step with only the documented required fields (id, type) is accepted', async () => {
    handler = (_req, res) =>
      sendJson(res, 200, { id: 'f1', name: 'x', flowSteps: [{ id: 's', type: 'prompt' }] });
    await expect(testClient(server.url).getFlow('f1')).resolves.toMatchObject({
      flowSteps: [{ id: 's', type: 'prompt' }],
    });
  });

  it('a flow missing a required field it relies on is API_BAD_RESPONSE naming the field', async () => {
    handler = (_req, res) => sendJson(res, 200, { id: 'f1', name: 'x', flowSteps: [{ id: 's' }] });
    const error = await rejectionOf(testClient(server.url).getFlow('f1'));
    expect(error).toMatchObject({
      code: 'API_BAD_RESPONSE',
      status: 200,
      meta: { method: 'GET', path: '/v1/flows/f1', status: 200 },
    });
    expect((error as Error).message).toContain('flowSteps.0.type');
  });

  it('a 200 that is not JSON is API_BAD_RESPONSE', async () => {
    handler = (_req, res) => (
      res.writeHead(200, { 'content-type': 'text/html' }),
      res.end('<html>login</html>')
    );
    const error = await rejectionOf(testClient(server.url).getFlow('f1'));
    expect(error).toMatchObject({ code: 'API_BAD_RESPONSE' });
  });

  it('an unreadable answer to a create is flagged ambiguous: the flow exists but its id is unknown', async () => {
    handler = (_req, res) => sendJson(res, 201, { ok: true });
    const error = await rejectionOf(testClient(server.url).createFlow(write));
    expect(error).toMatchObject({ code: 'API_BAD_RESPONSE', ambiguous: true });
  });
});
