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

describe('FaultInjector', () => {
  it('splits one draw into exact bands: rates sum to the configured total', () => {
    const f = new FaultInjector({ resetRate: 0.1, rateLimitRate: 0.2, errorRate: 0.3, commitThenDropRate: 0.1, seed: 5 });
    const counts: Record<string, number> = {};
    for (let i = 0; i < 20_000; i++) {
      const kind = f.decide().fault ?? 'none';
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    const share = (k: string) => (counts[k] ?? 0) / 20_000;
    expect(share('reset')).toBeCloseTo(0.1, 1);
    expect(share('rate-limit')).toBeCloseTo(0.2, 1);
    expect(share('error-500') + share('error-503')).toBeCloseTo(0.3, 1);
    expect(share('error-500')).toBeCloseTo(0.15, 1);
    expect(share('commit-then-drop')).toBeCloseTo(0.1, 1);
    expect(share('none')).toBeCloseTo(0.3, 1);
  });

  it('draws nothing when inactive, and clear() restarts the seeded sequence', () => {
    const f = new FaultInjector({ seed: 9 });
    expect(f.decide()).toEqual({ delayMs: 0, fault: null });
    f.set({ errorRate: 0.5 });
    const first = Array.from({ length: 50 }, () => f.decide().fault);
    f.clear();
    f.set({ errorRate: 0.5 });
    expect(Array.from({ length: 50 }, () => f.decide().fault)).toEqual(first);
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 7 }, (_, i) => ({ createdAt: `2025-01-01T00:00:0${i}.000Z`, id: `id${i}` }));
  const q = (query: string) => parseListQuery(new URLSearchParams(query));

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
    const log = new RequestLog(100);
    for (let i = 0; i < 1000; i++) log.push({ method: 'GET', path: `/${i}`, status: 200, at: i });
    const entries = log.snapshot();
    expect(entries.length).toBeGreaterThanOrEqual(100);
    expect(entries.length).toBeLessThanOrEqual(125);
    expect(entries[entries.length - 1]!.path).toBe('/999');
    const off = new RequestLog(0);
    off.push({ method: 'GET', path: '/', status: 200, at: 0 });
    expect(off.snapshot()).toEqual([]);
  });
});
