import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiAbortedError } from '../../src/api/index.js';
import { closeClients, rejectionOf, testClient } from './helpers/client.js';
import {
  delay,
  sendJson,
  startTestServer,
  type Handler,
  type TestServer,
} from './helpers/test-server.js';

let server: TestServer;
let handler: Handler;

beforeEach(async () => {
  server = await startTestServer((req, res, i, raw) => handler(req, res, i, raw));
});
afterEach(async () => {
  await closeClients();
  await server.close();
});

const hang: Handler = () => undefined;
const write = { name: 'F', steps: [] };

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await delay(10);
  expect(condition()).toBe(true);
}

describe('timeouts', () => {
  it('a GET with no answer is API_NETWORK naming the timeout', async () => {
    handler = hang;
    const error = await rejectionOf(
      testClient(server.url, { timeoutMs: 150, retry: { retries: 0 } }).getFlow('f1'),
    );
    expect(error).toMatchObject({ code: 'API_NETWORK', meta: { networkCode: 'REQUEST_DEADLINE' } });
    expect((error as Error).message).toContain('did not answer within 150 ms');
  });

  it('a timed-out GET is retried', async () => {
    handler = hang;
    await rejectionOf(
      testClient(server.url, {
        timeoutMs: 150,
        retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 },
      }).getFlow('f1'),
    );
    expect(server.requests).toHaveLength(2);
  });

  it('a body that stalls halfway times out too', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":');
    };
    const error = await rejectionOf(
      testClient(server.url, { timeoutMs: 150, retry: { retries: 0 } }).getFlow('f1'),
    );
    expect(error).toMatchObject({ code: 'API_NETWORK', meta: { networkCode: 'REQUEST_DEADLINE' } });
  });

  it('a body that trickles a byte at a time is cut off by the overall deadline', async () => {
    const timers: NodeJS.Timeout[] = [];
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      // Each chunk arrives well within any per-chunk timeout; together they never end.
      const tick = () => {
        if (res.destroyed) return;
        res.write(' ');
        timers.push(setTimeout(tick, 40));
      };
      tick();
    };
    const started = Date.now();
    const error = await rejectionOf(
      testClient(server.url, { timeoutMs: 300, retry: { retries: 0 } }).getFlow('f1'),
    );
    for (const timer of timers) clearTimeout(timer);
    expect(error).toMatchObject({ code: 'API_NETWORK', meta: { networkCode: 'REQUEST_DEADLINE' } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a timed-out POST is ambiguous and not retried', async () => {
    handler = hang;
    const error = await rejectionOf(testClient(server.url, { timeoutMs: 150 }).createFlow(write));
    expect(error).toMatchObject({
      code: 'API_AMBIGUOUS_WRITE',
      ambiguous: true,
      meta: { networkCode: 'REQUEST_DEADLINE' },
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe('abort', () => {
  it('cancels a request on the wire promptly', async () => {
    handler = hang;
    const controller = new AbortController();
    const pending = rejectionOf(
      testClient(server.url, { signal: controller.signal }).getFlow('f1'),
    );
    await until(() => server.requests.length === 1);
    const started = Date.now();
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(ApiAbortedError);
    expect(error).toMatchObject({ code: 'API_ABORTED', ambiguous: false });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('an aborted POST on the wire is flagged ambiguous', async () => {
    handler = hang;
    const controller = new AbortController();
    const pending = rejectionOf(
      testClient(server.url, { signal: controller.signal }).createFlow(write),
    );
    await until(() => server.requests.length === 1);
    controller.abort();
    await expect(pending).resolves.toMatchObject({ code: 'API_ABORTED', ambiguous: true });
  });

  it('cancels a back-off sleep instead of waiting it out', async () => {
    handler = (_req, res) => sendJson(res, 503, {}, { 'retry-after': '30' });
    const controller = new AbortController();
    let retried = false;
    const api = testClient(server.url, {
      signal: controller.signal,
      onRetry: () => (retried = true),
    });
    const pending = rejectionOf(api.getFlow('f1'));
    await until(() => retried);
    const started = Date.now();
    controller.abort();
    await expect(pending).resolves.toMatchObject({ code: 'API_ABORTED' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it('cancels requests waiting for a slot; they never reach the server', async () => {
    handler = hang;
    const controller = new AbortController();
    const api = testClient(server.url, { signal: controller.signal, concurrency: 1 });
    const pending = [
      rejectionOf(api.getFlow('a')),
      rejectionOf(api.getFlow('b')),
      rejectionOf(api.createFlow(write)),
    ];
    await until(() => server.requests.length === 1);
    controller.abort();
    const errors = await Promise.all(pending);
    expect(errors.map((e) => (e as ApiAbortedError).code)).toEqual([
      'API_ABORTED',
      'API_ABORTED',
      'API_ABORTED',
    ]);
    // The queued POST was never sent, so it is not in doubt.
    expect((errors[2] as ApiAbortedError).ambiguous).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    handler = hang;
    const api = testClient(server.url, { signal: AbortSignal.abort() });
    expect(await rejectionOf(api.listFlows())).toMatchObject({ code: 'API_ABORTED' });
    expect(server.requests).toHaveLength(0);
  });
});
