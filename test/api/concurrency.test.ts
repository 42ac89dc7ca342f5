import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSemaphore } from '../../src/api/semaphore.js';
import { closeClients, testClient } from './helpers/client.js';
import { delay, sendJson, startTestServer, type TestServer } from './helpers/test-server.js';

describe('concurrency bound', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer(async (req, res) => {
      await delay(25);
      sendJson(res, 200, { id: req.url.split('/').pop(), name: 'x', flowSteps: [] });
    });
  });
  afterEach(async () => {
    await closeClients();
    await server.close();
  });

  it('never has more than `concurrency` requests in flight, and does use them all', async () => {
    const api = testClient(server.url, { concurrency: 3 });
    const ids = Array.from({ length: 20 }, (_, i) => `f${i}`);
    const flows = await Promise.all(ids.map((id) => api.getFlow(id)));
    expect(flows.map((f) => f.id)).toEqual(ids);
    expect(server.maxConcurrent).toBe(3);
    expect(api.stats()).toEqual({ requests: 20, retries: 0, inFlightMax: 3 });
  });

  it('defaults to 8', async () => {
    const api = testClient(server.url);
    await Promise.all(Array.from({ length: 30 }, (_, i) => api.getFlow(`f${i}`)));
    expect(server.maxConcurrent).toBe(8);
  });
});

describe('createSemaphore', () => {
  it('runs waiting tasks in FIFO order', async () => {
    const semaphore = createSemaphore(1);
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4].map((n) =>
        semaphore.run(async () => {
          order.push(n);
          await delay(1);
        }),
      ),
    );
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('frees the slot when a task fails', async () => {
    const semaphore = createSemaphore(1);
    await expect(semaphore.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(semaphore.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('drops an aborted waiter without losing the slot', async () => {
    const semaphore = createSemaphore(1);
    const controller = new AbortController();
    let release!: () => void;
    const first = semaphore.run(() => new Promise<void>((resolve) => (release = resolve)));
    const aborted = semaphore.run(() => Promise.resolve('never'), controller.signal);
    const third = semaphore.run(() => Promise.resolve('third'));
    controller.abort();
    await expect(aborted).rejects.toThrow(/aborted/);
    release();
    await first;
    await expect(third).resolves.toBe('third');
    expect(semaphore.maxActive).toBe(1);
  });

  it.each([0, -1, 1.5])('rejects a limit of %s', (limit) => {
    expect(() => createSemaphore(limit)).toThrow(RangeError);
  });
});
