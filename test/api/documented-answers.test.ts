/**
 * The client reads what the document requires and does not lean on what it leaves open (the
 * audit of issue 18): a listing page must say whether more follow; a `limit` refused is dropped;
 * a publish answered `success: false` did not happen; the public validator writes nothing, so
 * it is retried like a read and its documented 500 body is shown.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { RetryInfo } from '../../src/api/index.js';
import { rejectionOf, testClient, useTestServer } from './helpers/client.js';
import { lastPage, sendJson } from './helpers/test-server.js';

const fake = useTestServer();
let retries: RetryInfo[];
beforeEach(() => {
  retries = [];
});

const client = () =>
  testClient(fake.server.url, {
    onRetry: (info) => retries.push(info),
    retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
  });
const summary = (id: string) => ({
  id,
  name: `Flow ${id}`,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  lastRunAt: null,
});

describe('listing', () => {
  it.each([
    ['without pagination', { data: [summary('a')] }],
    ['without hasMore', { data: [summary('a')], pagination: { nextCursor: null } }],
  ])('a page %s fails the listing instead of passing for every flow', async (_what, page) => {
    fake.handler = (_req, res) => sendJson(res, 200, page);
    const error = await rejectionOf(client().listFlows());
    expect(error).toMatchObject({ code: 'API_BAD_RESPONSE', ambiguous: false });
    expect((error as Error).message).toMatch(/pagination/);
  });

  it('a 400 for limit=100 is asked again without it, said through onRetry, and left out from then on', async () => {
    fake.handler = (req, res) => {
      const url = new URL(req.url, 'http://x');
      if (url.searchParams.has('limit')) {
        sendJson(res, 400, { error: 'Invalid parameters' });
        return;
      }
      const more = url.searchParams.get('cursor') === null;
      const data = [summary(more ? 'a' : 'b')];
      const page = lastPage(data) as { pagination: Record<string, unknown> };
      sendJson(res, 200, {
        data,
        pagination: { ...page.pagination, hasMore: more, nextCursor: more ? 'c2' : null },
      });
    };
    const api = client();
    expect((await api.listFlows()).map((f) => f.id)).toEqual(['a', 'b']);
    expect(await api.findFlowsByName('Flow a')).toHaveLength(1);
    expect(fake.server.requests.map((r) => r.url)).toEqual([
      '/v1/flows?limit=100',
      '/v1/flows',
      '/v1/flows?cursor=c2',
      '/v1/flows?search=Flow+a',
      '/v1/flows?cursor=c2&search=Flow+a',
    ]);
    expect(retries).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/v1/flows?limit=100',
        reason: expect.stringContaining('asking again without it') as string,
      }),
    ]);
  });

  it('a 400 that is not about limit (one without it refused too) is the error', async () => {
    fake.handler = (_req, res) => sendJson(res, 400, { error: 'Invalid parameters' });
    expect(await rejectionOf(client().listFlows())).toMatchObject({ code: 'API_VALIDATION' });
    expect(fake.server.requests).toHaveLength(2);
  });
});

describe('publish answers', () => {
  it('POST /v1/flows/{id}/publish answered 200 with success: false is an error, with its message', async () => {
    fake.handler = (_req, res) =>
      sendJson(res, 200, {
        success: false,
        publishedVersionId: 'flowver_x',
        message: 'publishing is disabled',
      });
    const error = await rejectionOf(client().publishFlow('f1'));
    expect(error).toMatchObject({ code: 'API_NOT_DONE', ambiguous: false });
    expect((error as Error).message).toBe(
      'POST /flows/f1/publish answered success: false: publishing is disabled',
    );
  });

  it('POST /v1/flow-versions/{id}/publish with success: false is an error too', async () => {
    fake.handler = (_req, res) =>
      sendJson(res, 200, { success: false, message: 'no', flowId: 'f1', versionId: 'v1' });
    expect(await rejectionOf(client().publishVersion('f1', 'v1'))).toMatchObject({
      code: 'API_NOT_DONE',
    });
  });

  it('success: true (or no success at all) is a publish', async () => {
    fake.handler = (_req, res) =>
      sendJson(res, 200, { success: true, publishedVersionId: 'v2', message: 'ok' });
    await expect(client().publishFlow('f1')).resolves.toMatchObject({ publishedVersionId: 'v2' });
  });
});

describe('the public validator writes nothing', () => {
  const result = {
    valid: true,
    errors: [],
    warnings: [],
    recommendations: [],
    context: { authenticated: true, accountChecksPerformed: false, accountChecksSkipped: true },
  };
  const body = { name: 'F', steps: [] };

  it('a 503 is retried like a read, not reported as a write in doubt', async () => {
    fake.handler = (_req, res, i) =>
      i === 0 ? sendJson(res, 503, { error: 'busy' }) : sendJson(res, 200, result);
    await expect(client().validateFlow(body)).resolves.toMatchObject({ valid: true });
    expect(fake.server.requests).toHaveLength(2);
    expect(retries.map((r) => r.reason)).toEqual(['HTTP 503']);
  });

  it('a persistent 500 shows the documented FlowValidationResult body, never "may or may not have been applied"', async () => {
    fake.handler = (_req, res) =>
      sendJson(res, 500, {
        ...result,
        valid: false,
        errors: [{ code: 'VALIDATOR_FAILED', message: 'the validator crashed', path: 'flowSteps' }],
      });
    const error = (await rejectionOf(client().validateFlow(body))) as Error & { hint?: string };
    expect(error).toMatchObject({
      code: 'API_SERVER_ERROR',
      ambiguous: false,
      details: [{ code: 'VALIDATOR_FAILED', message: 'the validator crashed', path: 'flowSteps' }],
    });
    expect(error.message).toContain('flowSteps: the validator crashed (VALIDATOR_FAILED)');
    expect(error.message).not.toContain('may or may not have been applied');
    expect(error.hint).not.toContain('adopts');
    expect(fake.server.requests).toHaveLength(3); // retried twice
  });
});
