import { beforeEach, describe, expect, it } from 'vitest';
import type { RetryInfo } from '../../src/api/index.js';
import { rejectionOf, SENTINEL_KEY, testClient, useTestServer } from './helpers/client.js';
import { closedPort, sendJson, type Handler } from './helpers/test-server.js';

const flow = { id: 'f1', name: 'F', flowSteps: [] };
const write = { name: 'F', steps: [] };

const fake = useTestServer();
let retries: RetryInfo[];
beforeEach(() => {
  retries = [];
});

const client = (overrides = {}) =>
  testClient(fake.server.url, { onRetry: (info) => retries.push(info), ...overrides });
/** Answer `first` to the first `n` requests, then `then`. */
const sequence =
  (n: number, first: Handler, then: Handler): Handler =>
  (req, res, i, raw) =>
    (i < n ? first : then)(req, res, i, raw);
const status =
  (code: number, headers: Record<string, string> = {}): Handler =>
  (_req, res) =>
    sendJson(res, code, { error: `status ${code}` }, headers);
const ok =
  (body: unknown = flow, code = 200): Handler =>
  (_req, res) =>
    sendJson(res, code, body);
const resetAfterBody: Handler = (_req, _res, _i, raw) => raw.socket.destroy();

describe('429', () => {
  it('honours Retry-After (seconds) before retrying', async () => {
    fake.handler = sequence(1, status(429, { 'retry-after': '1' }), ok());
    await expect(client().getFlow('f1')).resolves.toMatchObject({ id: 'f1' });
    expect(fake.server.requests).toHaveLength(2);
    expect(retries).toEqual([
      { method: 'GET', path: '/v1/flows/f1', attempt: 2, delayMs: 1000, reason: 'HTTP 429' },
    ]);
    // The retry came after the requested second (lower bound only: never flaky).
    expect(fake.server.requests[1]!.at - fake.server.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('gives up at once when Retry-After is longer than it is willing to wait', async () => {
    fake.handler = status(429, { 'retry-after': '120' });
    const error = await rejectionOf(client().getFlow('f1'));
    expect(error).toMatchObject({
      code: 'API_RATE_LIMITED',
      status: 429,
      meta: { retryAfterMs: 120_000 },
    });
    expect(fake.server.requests).toHaveLength(1);
  });

  it('is API_RATE_LIMITED after the retries are spent', async () => {
    fake.handler = status(429, { 'retry-after': '0' });
    const error = await rejectionOf(
      client({ retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 } }).listFlows(),
    );
    expect(error).toMatchObject({ code: 'API_RATE_LIMITED', meta: { attempts: 3 } });
    expect(fake.server.requests).toHaveLength(3);
    expect(retries.map((r) => r.delayMs)).toEqual([0, 0]);
  });

  it('retries a POST: a 429 was certainly not processed', async () => {
    fake.handler = sequence(1, status(429, { 'retry-after': '0' }), ok(flow, 201));
    await expect(client().createFlow(write)).resolves.toMatchObject({ id: 'f1' });
    expect(fake.server.requests.map((r) => r.method)).toEqual(['POST', 'POST']);
  });
});

describe('idempotent requests', () => {
  it.each([502, 503, 504])('GET is retried after %i', async (code) => {
    fake.handler = sequence(1, status(code), ok());
    const api = client();
    await expect(api.getFlow('f1')).resolves.toMatchObject({ id: 'f1' });
    expect(fake.server.requests).toHaveLength(2);
    expect(api.stats()).toMatchObject({ requests: 2, retries: 1 });
  });

  it('PUT is retried after 503 with the same body', async () => {
    fake.handler = sequence(1, status(503), ok());
    await expect(client().updateFlow('f1', write)).resolves.toMatchObject({ id: 'f1' });
    expect(fake.server.requests.map((r) => r.method)).toEqual(['PUT', 'PUT']);
    expect(fake.server.requests[1]?.body).toBe(fake.server.requests[0]?.body);
  });

  it('GET is retried after the connection is reset', async () => {
    fake.handler = sequence(1, resetAfterBody, ok());
    await expect(client().getFlow('f1')).resolves.toMatchObject({ id: 'f1' });
    expect(fake.server.requests).toHaveLength(2);
    expect(retries[0]?.reason).toMatch(/UND_ERR_SOCKET|ECONNRESET/);
  });

  it('a 503 that never ends is API_SERVER_ERROR after 1 + retries attempts, with jittered back-off', async () => {
    fake.handler = status(503);
    const random = [0, 0.5, 1];
    const api = client({
      retry: { retries: 3, minDelayMs: 10, maxDelayMs: 30, random: () => random.shift() ?? 1 },
    });
    const error = await rejectionOf(api.getFlow('f1'));
    expect(error).toMatchObject({ code: 'API_SERVER_ERROR', status: 503, meta: { attempts: 4 } });
    expect(fake.server.requests).toHaveLength(4);
    expect(retries.map((r) => r.delayMs)).toEqual([0, 10, 30]);
  });

  it('500 on an idempotent request is retried, and fails as API_SERVER_ERROR once retries run out', async () => {
    fake.handler = status(500);
    const error = await rejectionOf(
      client({ retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 } }).getFlow('f1'),
    );
    expect(error).toMatchObject({ code: 'API_SERVER_ERROR', status: 500 });
    expect(fake.server.requests).toHaveLength(3);
  });
});

describe('POST is never blindly retried', () => {
  it.each([500, 502, 503, 504])(
    'a create answered %i is API_AMBIGUOUS_WRITE after exactly one request',
    async (code) => {
      fake.handler = status(code);
      const error = await rejectionOf(client().createFlow(write));
      expect(error).toMatchObject({
        code: 'API_AMBIGUOUS_WRITE',
        ambiguous: true,
        status: code,
        meta: { method: 'POST', path: '/v1/flows' },
      });
      expect(fake.server.requests).toHaveLength(1);
      expect(retries).toEqual([]);
    },
  );

  it('a create whose connection drops after the body was received is API_AMBIGUOUS_WRITE', async () => {
    fake.handler = resetAfterBody;
    const error = await rejectionOf(client().createFlow(write));
    expect(error).toMatchObject({ code: 'API_AMBIGUOUS_WRITE', ambiguous: true });
    expect(fake.server.requests).toHaveLength(1);
    expect(JSON.parse(fake.server.requests[0]!.body)).toMatchObject({ name: 'F' });
  });

  it('publish answered 503 is ambiguous too', async () => {
    fake.handler = status(503);
    expect(await rejectionOf(client().publishFlow('f1'))).toMatchObject({
      code: 'API_AMBIGUOUS_WRITE',
    });
    expect(fake.server.requests).toHaveLength(1);
  });

  it('a refused connection sent nothing, so a POST is retried and ends as API_NETWORK (not ambiguous)', async () => {
    const port = await closedPort();
    const api = testClient(`http://127.0.0.1:${port}`, {
      onRetry: (info) => retries.push(info),
      retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
    });
    const error = await rejectionOf(api.createFlow(write));
    expect(error).toMatchObject({
      code: 'API_NETWORK',
      ambiguous: false,
      meta: { networkCode: 'ECONNREFUSED', attempts: 3 },
    });
    expect(retries.map((r) => r.reason)).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
    expect(api.stats().requests).toBe(3);
  });

  it('a 4xx on a POST is a plain rejection, not ambiguous', async () => {
    fake.handler = status(400);
    expect(await rejectionOf(client().createFlow(write))).toMatchObject({
      code: 'API_VALIDATION',
      ambiguous: false,
    });
  });
});

describe('DELETE', () => {
  it('a 404 on a retry counts as deleted (an earlier attempt may have landed)', async () => {
    fake.handler = sequence(1, status(503), status(404));
    await expect(client().deleteFlow('f1')).resolves.toBeUndefined();
    expect(fake.server.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
  });

  it('a 404 after a lost connection counts as deleted', async () => {
    fake.handler = sequence(1, resetAfterBody, status(404));
    await expect(client().deleteFlow('f1')).resolves.toBeUndefined();
  });

  it('a 404 on the first attempt is API_NOT_FOUND', async () => {
    fake.handler = status(404);
    const error = await rejectionOf(client().deleteFlow('f1'));
    expect(error).toMatchObject({
      code: 'API_NOT_FOUND',
      meta: { method: 'DELETE', path: '/v1/flows/f1' },
    });
  });
});

it('onRetry info names method and path, never the host or the key', async () => {
  fake.handler = sequence(2, status(503), ok());
  await client().getFlow('f1');
  expect(retries).toHaveLength(2);
  for (const info of retries) {
    expect(JSON.stringify(info)).not.toContain(SENTINEL_KEY);
    expect(JSON.stringify(info)).not.toContain('127.0.0.1');
  }
  expect(retries.map((r) => r.attempt)).toEqual([2, 3]);
});
