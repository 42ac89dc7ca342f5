import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator, FaultKind } from '../../src/emulator/index.js';
import { call, parse, startEmulator, UNKNOWN_FLOW_ID } from './helpers.js';
import { listSchema } from './schemas.js';

type Outcome = number | 'socket-error';

/** Sends `total` requests, `concurrency` at a time; returns each request's outcome. */
async function hammer(
  emu: Emulator,
  total: number,
  make: (i: number) => Promise<Outcome>,
  concurrency = 16,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) outcomes.push(await make(next++));
    }),
  );
  return outcomes;
}

const dispatcher = new Agent({ connections: 32 });
afterAll(() => dispatcher.close());

const get = (emu: Emulator) => (): Promise<Outcome> =>
  call(emu, 'GET', '/v1/flows?limit=1', { dispatcher }).then(
    (r) => r.status,
    () => 'socket-error' as const,
  );
const create =
  (emu: Emulator) =>
  (i: number): Promise<Outcome> =>
    call(emu, 'POST', '/v1/flows', { body: { name: `f${i}` }, dispatcher }).then(
      (r) => r.status,
      () => 'socket-error' as const,
    );

function count<T>(items: readonly T[], item: T): number {
  return items.filter((x) => x === item).length;
}

/** n*p within 4.5 standard deviations (a fixed seed makes it deterministic anyway). */
function expectRate(observed: number, n: number, p: number): void {
  const sd = Math.sqrt(n * p * (1 - p));
  expect(observed).toBeGreaterThanOrEqual(Math.floor(n * p - 4.5 * sd));
  expect(observed).toBeLessThanOrEqual(Math.ceil(n * p + 4.5 * sd));
}

function faultsLogged(emu: Emulator): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of emu.requests)
    if (r.fault !== undefined) counts[r.fault] = (counts[r.fault] ?? 0) + 1;
  return counts;
}

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});
afterEach(() => {
  emu.clearFaults();
  emu.clearRequests();
  emu.state.clear();
});

describe('fault rates', () => {
  it('answers 500/503, 429 and resets at the configured rates over 2000 requests', async () => {
    emu.setFaults({
      errorRate: 0.1,
      rateLimitRate: 0.05,
      resetRate: 0.05,
      retryAfterSeconds: 0,
      seed: 7,
    });
    const outcomes = await hammer(emu, 2000, get(emu));
    const errors = count(outcomes, 500) + count(outcomes, 503);
    expectRate(errors, 2000, 0.1);
    expect(count(outcomes, 500)).toBeGreaterThan(0);
    expect(count(outcomes, 503)).toBeGreaterThan(0);
    expectRate(count(outcomes, 429), 2000, 0.05);
    expectRate(count(outcomes, 'socket-error'), 2000, 0.05);
    expect(
      count(outcomes, 200) + errors + count(outcomes, 429) + count(outcomes, 'socket-error'),
    ).toBe(2000);
    // The client's view matches the server's log exactly.
    const logged = faultsLogged(emu);
    expect(logged).toEqual({
      'error-500': count(outcomes, 500),
      'error-503': count(outcomes, 503),
      'rate-limit': count(outcomes, 429),
      reset: count(outcomes, 'socket-error'),
    });
    expect(emu.requests.filter((r) => r.fault === 'reset').every((r) => r.status === 0)).toBe(true);
  });

  it('sends an integer Retry-After header (default 1) and the documented Error body on 429', async () => {
    emu.setFaults({ rateLimitRate: 1 });
    const res = await call(emu, 'GET', '/v1/flows');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.json).toEqual({ error: 'Rate limit exceeded (injected)' });
    emu.setFaults({ retryAfterSeconds: 0 });
    expect((await call(emu, 'GET', '/v1/flows')).headers['retry-after']).toBe('0');
  });

  it('never applies a write that was reset, rate-limited or failed', async () => {
    emu.setFaults({
      resetRate: 0.1,
      errorRate: 0.1,
      rateLimitRate: 0.1,
      retryAfterSeconds: 0,
      seed: 3,
    });
    const outcomes = await hammer(emu, 600, create(emu));
    expectRate(count(outcomes, 'socket-error'), 600, 0.1);
    emu.clearFaults();
    expect(emu.state.count()).toBe(count(outcomes, 201));
  });

  it('does not fault unauthenticated requests', async () => {
    emu.setFaults({ errorRate: 1 });
    expect((await call(emu, 'GET', '/v1/flows', { auth: null })).status).toBe(401);
    expect((await call(emu, 'GET', '/v1/flows')).status).toBeGreaterThanOrEqual(500);
  });
});

/** Every `code` on an error and its causes (undici wraps the socket's errno). */
function codes(error: unknown): string[] {
  const out: string[] = [];
  for (
    let e = error as { code?: unknown; cause?: unknown } | undefined;
    e !== undefined && e !== null;
    e = e.cause as typeof e
  ) {
    if (typeof e.code === 'string') out.push(e.code);
  }
  return out;
}

describe('what the client sees', () => {
  it('an injected reset is a TCP RST: ECONNRESET; commit-then-drop is a plain close', async () => {
    emu.setFaults({ resetRate: 1 });
    const reset = await call(emu, 'GET', '/v1/flows').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(codes(reset)).toContain('ECONNRESET');
    const resetWrite = await call(emu, 'POST', '/v1/flows', { body: { name: 'never' } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(codes(resetWrite)).toContain('ECONNRESET');
    emu.setFaults({ resetRate: 0, commitThenDropRate: 1 });
    const dropped = await call(emu, 'POST', '/v1/flows', { body: { name: 'committed' } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(codes(dropped).length).toBeGreaterThan(0);
    expect(codes(dropped)).not.toContain('ECONNRESET');
    expect(emu.state.flows().map((f) => f.name)).toEqual(['committed']);
  });
});

describe('commit then drop', () => {
  it('applies the write, then drops the connection: the client errs but the flow exists', async () => {
    emu.setFaults({ commitThenDropRate: 1 });
    await expect(
      call(emu, 'POST', '/v1/flows', { body: { name: 'Committed but lost' } }),
    ).rejects.toThrow();
    emu.clearFaults();
    const list = parse(listSchema, (await call(emu, 'GET', '/v1/flows?search=committed')).json);
    expect(list.data.map((f) => f.name)).toEqual(['Committed but lost']);
    expect(emu.requests[0]).toMatchObject({ method: 'POST', status: 0, fault: 'commit-then-drop' });
  });

  it('hits writes at the configured rate and commits every one of them', async () => {
    emu.setFaults({ commitThenDropRate: 0.2, seed: 11 });
    const outcomes = await hammer(emu, 1000, create(emu));
    expectRate(count(outcomes, 'socket-error'), 1000, 0.2);
    expect(count(outcomes, 201) + count(outcomes, 'socket-error')).toBe(1000);
    expect(emu.state.count()).toBe(1000);
  });

  it('applies PUT, DELETE and publish before dropping', async () => {
    const flow = emu.state.create({ name: 'target' });
    const other = emu.state.create({ name: 'other' });
    emu.setFaults({ commitThenDropRate: 1 });
    await expect(
      call(emu, 'PUT', `/v1/flows/${flow.id}`, { body: { name: 'renamed' } }),
    ).rejects.toThrow();
    await expect(call(emu, 'POST', `/v1/flows/${flow.id}/publish`)).rejects.toThrow();
    await expect(call(emu, 'DELETE', `/v1/flows/${other.id}`)).rejects.toThrow();
    expect(emu.state.get(flow.id)).toMatchObject({ name: 'renamed' });
    expect(emu.state.versions(flow.id).map((v) => v.versionType)).toEqual(['published']);
    expect(emu.state.get(other.id)).toBeUndefined();
  });

  it('leaves reads and rejected writes alone', async () => {
    emu.setFaults({ commitThenDropRate: 1 });
    expect((await call(emu, 'GET', '/v1/flows')).status).toBe(200);
    expect((await call(emu, 'POST', '/v1/flows', { body: { name: '' } })).status).toBe(400);
    expect(
      (await call(emu, 'PUT', `/v1/flows/${UNKNOWN_FLOW_ID}`, { body: { name: 'x' } })).status,
    ).toBe(404);
  });
});

describe('seeded replay', () => {
  async function sequence(target: Emulator, n: number): Promise<(FaultKind | undefined)[]> {
    target.clearRequests();
    for (let i = 0; i < n; i++)
      await call(target, 'GET', '/v1/flows', { dispatcher }).catch(() => undefined);
    return target.requests.map((r) => r.fault);
  }

  it('the same seed replays the same faults; another seed does not', async () => {
    const faults = { errorRate: 0.2, rateLimitRate: 0.1, resetRate: 0.1, retryAfterSeconds: 0 };
    emu.setFaults({ ...faults, seed: 42 });
    const first = await sequence(emu, 150);
    emu.setFaults({ seed: 42 }); // restarts the sequence
    const second = await sequence(emu, 150);
    const fresh = await startEmulator({ faults: { ...faults, seed: 42 } });
    const third = await sequence(fresh, 150);
    await fresh.close();
    emu.setFaults({ seed: 43 });
    const other = await sequence(emu, 150);
    expect(first.filter((f) => f !== undefined).length).toBeGreaterThan(30);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(other).not.toEqual(first);
  });
});

describe('latency and configuration', () => {
  it('adds fixed and random latency', async () => {
    emu.setFaults({ latencyMs: 60 });
    let started = performance.now();
    await call(emu, 'GET', '/v1/flows');
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    emu.setFaults({ latencyMs: 0, randomLatencyMs: { min: 30, max: 50 } });
    started = performance.now();
    await call(emu, 'GET', '/v1/flows');
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(emu.faults()).toMatchObject({ latencyMs: 0, randomLatencyMs: { min: 30, max: 50 } });
  });

  it('rejects invalid settings with a RangeError and keeps the previous ones', async () => {
    emu.setFaults({ errorRate: 0.5 });
    expect(() => emu.setFaults({ errorRate: 1.5 })).toThrow(RangeError);
    expect(() => emu.setFaults({ resetRate: 0.6 })).toThrow(/sum/);
    expect(() => emu.setFaults({ retryAfterSeconds: 0.5 })).toThrow(RangeError);
    expect(() => emu.setFaults({ latencyMs: -1 })).toThrow(RangeError);
    expect(() => emu.setFaults({ randomLatencyMs: { min: 5, max: 1 } })).toThrow(RangeError);
    expect(emu.faults().errorRate).toBe(0.5);
    await expect(startEmulator({ faults: { errorRate: 2 } })).rejects.toThrow(RangeError);
  });
});

describe('fault scope', () => {
  const outcome = (p: Promise<{ status: number }>): Promise<Outcome> =>
    p.then(
      (r) => r.status,
      () => 'socket-error' as const,
    );

  it('methods: only creates lose their answers; listings and updates stay healthy', async () => {
    const existing = emu.state.create({ name: 'existing' });
    emu.setFaults({ commitThenDropRate: 1, methods: ['post'] });
    expect(emu.faults().methods).toEqual(['POST']);
    expect(
      await outcome(call(emu, 'POST', '/v1/flows', { body: { name: 'created, answer lost' } })),
    ).toBe('socket-error');
    const list = await call(emu, 'GET', '/v1/flows');
    expect(list.status).toBe(200);
    expect(
      parse(listSchema, list.json)
        .data.map((f) => f.name)
        .sort(),
    ).toEqual(['created, answer lost', 'existing']);
    expect(
      (await call(emu, 'PUT', `/v1/flows/${existing.id}`, { body: { name: 'renamed' } })).status,
    ).toBe(200);
    expect(emu.requests.map((r) => [r.method, r.fault ?? null])).toEqual([
      ['POST', 'commit-then-drop'],
      ['GET', null],
      ['PUT', null],
    ]);
  });

  it('pathPrefixes narrow it further; both must match', async () => {
    const flow = emu.state.create({ name: 'target' });
    emu.setFaults({ errorRate: 1, pathPrefixes: ['/v1/flows/'] });
    expect((await call(emu, 'GET', '/v1/flows')).status).toBe(200);
    expect((await call(emu, 'GET', `/v1/flows/${flow.id}`)).status).toBeGreaterThanOrEqual(500);
    expect((await call(emu, 'GET', `/v1/flow-versions/${flow.id}`)).status).toBe(200);
    emu.setFaults({ methods: ['POST'] });
    expect((await call(emu, 'GET', `/v1/flows/${flow.id}`)).status).toBe(200);
    expect((await call(emu, 'POST', `/v1/flows/${flow.id}/publish`)).status).toBeGreaterThanOrEqual(
      500,
    );
    expect(
      (await call(emu, 'POST', '/v1/flows', { body: { name: 'not under the prefix' } })).status,
    ).toBe(201);
    emu.setFaults({ methods: null, pathPrefixes: null }); // back to every request
    expect((await call(emu, 'GET', '/v1/flows')).status).toBeGreaterThanOrEqual(500);
  });

  it('requests out of scope take no draw: the faulted ones replay the same whatever runs between them', async () => {
    const creates = async (listingsBetween: number): Promise<Outcome[]> => {
      emu.setFaults({ errorRate: 0.5, methods: ['POST'], seed: 42 });
      const seen: Outcome[] = [];
      for (let i = 0; i < 40; i++) {
        seen.push(await outcome(call(emu, 'POST', '/v1/flows', { body: { name: `f${i}` } })));
        for (let j = 0; j < listingsBetween; j++)
          expect(await outcome(call(emu, 'GET', '/v1/flows?limit=1'))).toBe(200);
      }
      return seen;
    };
    const alone = await creates(0);
    expect(count(alone, 201)).toBeGreaterThan(5);
    expect(count(alone, 201)).toBeLessThan(35);
    expect(await creates(2)).toEqual(alone);
  });

  it('rejects an empty or malformed scope, and clearFaults resets it', () => {
    expect(() => emu.setFaults({ methods: [] })).toThrow(/methods/);
    expect(() => emu.setFaults({ methods: ['GET /v1'] })).toThrow(/methods/);
    expect(() => emu.setFaults({ pathPrefixes: ['v1/flows'] })).toThrow(/pathPrefixes/);
    emu.setFaults({ errorRate: 1, methods: ['DELETE'], pathPrefixes: ['/v1/flows/'] });
    emu.clearFaults();
    expect(emu.faults()).toMatchObject({ errorRate: 0, methods: null, pathPrefixes: null });
  });
});
