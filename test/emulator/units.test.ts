import { describe, expect, it } from 'vitest';
import { FaultInjector } from '../../src/emulator/faults.js';
import { encodeCursor, paginate, parseListQuery } from '../../src/emulator/pagination.js';
import { mulberry32 } from '../../src/emulator/prng.js';
import { RequestLog } from '../../src/emulator/request-log.js';

describe('mulberry32', () => {
  it('is deterministic per seed and roughly uniform in [0, 1)', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    expect(mulberry32(124)()).not.toBe(mulberry32(123)());
  });
});

/** Counts each fault kind over `n` decisions of a seeded injector. */
function draw(
  options: ConstructorParameters<typeof FaultInjector>[0],
  n: number,
): Record<string, number> {
  const f = new FaultInjector(options);
  const counts: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const kind = f.decide('GET', '/v1/flows').fault ?? 'none';
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/**
 * Within 4 standard deviations of n*p: < 6% of n*p for every band below, so a 20% rate error fails.
 */
function expectRate(observed: number, n: number, p: number): void {
  const slack = 4 * Math.sqrt(n * p * (1 - p));
  expect(slack).toBeLessThan(0.1 * n * p);
  expect(observed).toBeGreaterThanOrEqual(n * p - slack);
  expect(observed).toBeLessThanOrEqual(n * p + slack);
}

describe('FaultInjector', () => {
  const N = 20_000;
  const bands = {
    resetRate: 0.1,
    rateLimitRate: 0.2,
    errorRate: 0.3,
    commitThenDropRate: 0.1,
    seed: 5,
  };

  it('splits one draw into exact bands: each kind at its configured rate', () => {
    const counts = draw(bands, N);
    expectRate(counts.reset ?? 0, N, 0.1);
    expectRate(counts['rate-limit'] ?? 0, N, 0.2);
    expectRate((counts['error-500'] ?? 0) + (counts['error-503'] ?? 0), N, 0.3);
    expectRate(counts['error-500'] ?? 0, N, 0.15);
    expectRate(counts['error-503'] ?? 0, N, 0.15);
    expectRate(counts['commit-then-drop'] ?? 0, N, 0.1);
    expectRate(counts.none ?? 0, N, 0.3);
  });

  it('the bound catches a rate that is 20% off', () => {
    for (const [key, kind, p] of [
      ['resetRate', 'reset', 0.1],
      ['commitThenDropRate', 'commit-then-drop', 0.1],
      ['rateLimitRate', 'rate-limit', 0.2],
    ] as const) {
      for (const factor of [0.8, 1.2]) {
        const counts = draw({ ...bands, [key]: p * factor }, N);
        expect(() => expectRate(counts[kind] ?? 0, N, p), `${key} x${factor}`).toThrow();
      }
    }
  });

  it('draws nothing when inactive, and clear() restarts the seeded sequence', () => {
    const f = new FaultInjector({ seed: 9 });
    expect(f.decide('GET', '/v1/flows')).toEqual({ delayMs: 0, fault: null });
    f.set({ errorRate: 0.5 });
    const first = Array.from({ length: 50 }, () => f.decide('GET', '/v1/flows').fault);
    f.clear();
    f.set({ errorRate: 0.5 });
    expect(Array.from({ length: 50 }, () => f.decide('GET', '/v1/flows').fault)).toEqual(first);
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 7 }, (_, i) => ({
    createdAt: `2025-01-01T00:00:0${i}.000Z`,
    id: `id${i}`,
  }));
  const q = (query: string) => parseListQuery(new URLSearchParams(query), 100);

  it('an empty page past the end still offers a way back', () => {
    const cursor = encodeCursor(items[6]!, 'next');
    const { page, pagination } = paginate(items, q(`limit=3&cursor=${cursor}`));
    expect(page).toEqual([]);
    expect(pagination).toMatchObject({ hasMore: false, hasPrev: true, nextCursor: null });
    const back = paginate(items, q(`limit=3&cursor=${pagination.prevCursor}`));
    expect(back.page.map((x) => x.id)).toEqual(['id4', 'id5', 'id6']);
  });

  it('an empty page before the start offers a way forward from the start', () => {
    const cursor = encodeCursor(items[0]!, 'prev');
    const { page, pagination } = paginate(items, q(`limit=3&cursor=${cursor}`));
    expect(page).toEqual([]);
    expect(pagination).toMatchObject({ hasMore: true, hasPrev: false, prevCursor: null });
    const forward = paginate(items, q(`limit=3&cursor=${pagination.nextCursor}`));
    expect(forward.page.map((x) => x.id)).toEqual(['id0', 'id1', 'id2']);
  });
});

describe('RequestLog', () => {
  it('keeps at least the last `limit` entries, at most 25% more', () => {
    const log = new RequestLog({ limit: 100, bodies: false, maxBodyBytes: 1024 });
    for (let i = 0; i < 1000; i++) log.push({ method: 'GET', path: `/${i}`, status: 200, at: i });
    const entries = log.snapshot();
    expect(entries.length).toBeGreaterThanOrEqual(100);
    expect(entries.length).toBeLessThanOrEqual(125);
    expect(entries[entries.length - 1]!.path).toBe('/999');
    const off = new RequestLog({ limit: 0, bodies: true, maxBodyBytes: 1024 });
    off.push({ method: 'GET', path: '/', status: 200, at: 0 });
    expect(off.snapshot()).toEqual([]);
  });

  it('keeps no bodies unless asked', () => {
    const log = new RequestLog({ limit: 10, bodies: false, maxBodyBytes: 1 << 20 });
    const entry = { method: 'POST', path: '/v1/flows', status: 0, at: 0 };
    log.push(entry, { value: { name: 'x' }, bytes: 12 });
    expect(log.snapshot()[0]).not.toHaveProperty('body');
  });

  it('bounds the bytes of bodies it holds, dropping the oldest entries first', () => {
    const log = new RequestLog({ limit: 10_000, bodies: true, maxBodyBytes: 10_000 });
    for (let i = 0; i < 1000; i++) {
      const entry = { method: 'POST', path: `/${i}`, status: 201, at: i };
      log.push(entry, { value: { i }, bytes: 100 });
    }
    const entries = log.snapshot();
    // 1000 x 100 bytes against a 10,000-byte budget: only the newest ~100 stay.
    expect(entries.length).toBeGreaterThanOrEqual(75);
    expect(entries.length).toBeLessThanOrEqual(100);
    expect(entries[entries.length - 1]).toMatchObject({ path: '/999', body: { i: 999 } });
    // A body that alone exceeds the budget is not kept (the entry is).
    const big = { method: 'POST', path: '/big', status: 201, at: 0 };
    log.push(big, { value: { huge: true }, bytes: 20_000 });
    expect(log.snapshot().at(-1)).toEqual(big);
    expect(log.snapshot().at(-1)).not.toHaveProperty('body');
  });

  it('clear() also empties the body budget', () => {
    const log = new RequestLog({ limit: 10_000, bodies: true, maxBodyBytes: 1000 });
    log.push({ method: 'POST', path: '/early', status: 201, at: 0 }, { value: {}, bytes: 900 });
    log.clear();
    // Were the 900 bytes still counted, only ~100 bytes would be left for these.
    for (let i = 0; i < 9; i++)
      log.push({ method: 'POST', path: `/${i}`, status: 201, at: i }, { value: {}, bytes: 100 });
    expect(log.snapshot()).toHaveLength(9);
    expect(log.snapshot().every((entry) => 'body' in entry)).toBe(true);
  });
});
