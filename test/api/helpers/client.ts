import { inspect } from 'node:util';
import { afterEach, beforeEach, expect } from 'vitest';
import { createApiClient, type ApiClient, type ApiClientOptions } from '../../../src/api/index.js';
import { startTestServer, type Handler, type TestServer } from './test-server.js';

/** Every error test checks that this string is nowhere in what it caught. */
export const SENTINEL_KEY = 'rt_test_SENTINEL_d0NotLeak_7f3a9c';

export const USER_AGENT = 'runtype-flows/0.0.0-test node/20';

const clients: ApiClient[] = [];

/** A client with fast, deterministic retries; closed by `closeClients()`. */
export function testClient(baseUrl: string, overrides: Partial<ApiClientOptions> = {}): ApiClient {
  const client = createApiClient({
    baseUrl,
    apiKey: SENTINEL_KEY,
    apiKeyEnv: 'RUNTYPE_API_KEY',
    userAgent: USER_AGENT,
    timeoutMs: 5000,
    retry: { retries: 3, minDelayMs: 1, maxDelayMs: 5, random: () => 0.5 },
    ...overrides,
  });
  clients.push(client);
  return client;
}

export async function closeClients(): Promise<void> {
  await Promise.all(clients.splice(0).map((client) => client.close()));
}

/** Awaits a rejection, checks the key did not leak into it, and returns it. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected the promise to reject').toBeDefined();
  assertNoSecret(caught);
  return caught;
}

/** The key must appear in no message, stack, meta, JSON form or cause. */
export function assertNoSecret(error: unknown): void {
  const views: string[] = [inspect(error, { depth: 20, showHidden: true })];
  for (
    let current: unknown = error, depth = 0;
    current instanceof Error && depth < 10;
    depth += 1
  ) {
    views.push(current.message, current.stack ?? '', JSON.stringify(current), String(current));
    views.push(JSON.stringify((current as { meta?: unknown }).meta ?? null));
    current = current.cause;
  }
  for (const view of views) expect(view).not.toContain(SENTINEL_KEY);
}

/**
 * A test server of its own for each test, answering with whatever `handler` the test sets, and
 * the clients made closed after it (call at file level). The fields are read when a test runs.
 */
export function useTestServer(): { server: TestServer; handler: Handler } {
  const state = {
    server: undefined as unknown as TestServer,
    handler: (() => {
      throw new Error('no handler set');
    }) as Handler,
  };
  beforeEach(async () => {
    state.server = await startTestServer((req, res, i, raw) => state.handler(req, res, i, raw));
  });
  afterEach(async () => {
    await closeClients();
    await state.server.close();
  });
  return state;
}
