import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { call, parse, startEmulator } from './helpers.js';
import { listSchema } from './schemas.js';

type Page = ReturnType<typeof parseList>;
const parseList = (json: unknown) => parse(listSchema, json);

async function list(
  emu: Emulator,
  query: Record<string, string | number | boolean>,
): Promise<Page> {
  const qs = new URLSearchParams(
    Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  const res = await call(emu, 'GET', `/v1/flows${qs ? `?${qs}` : ''}`);
  if (res.status !== 200)
    throw new Error(`GET /v1/flows?${qs}: ${res.status} ${JSON.stringify(res.json)}`);
  return parseList(res.json);
}

/** Follows nextCursor (or prevCursor) until the end; returns the pages. */
async function walk(
  emu: Emulator,
  first: Record<string, string | number | boolean>,
  dir: 'next' | 'prev',
): Promise<Page[]> {
  const pages = [await list(emu, first)];
  for (;;) {
    const { pagination } = pages[pages.length - 1]!;
    const cursor = dir === 'next' ? pagination.nextCursor : pagination.prevCursor;
    if (cursor === null) return pages;
    pages.push(await list(emu, { ...first, cursor, direction: dir }));
    expect(pages.length).toBeLessThan(100);
  }
}

let emu: Emulator;
let clock = Date.parse('2025-01-01T00:00:00.000Z');
let expectedOrder: string[];

beforeAll(async () => {
  // Several flows per millisecond, so the id tie-break of the stable order is exercised.
  emu = await startEmulator({ now: () => clock });
  for (let i = 0; i < 250; i++) {
    if (i % 3 === 0) clock += 1;
    emu.state.create({
      name: `Flow ${String(i).padStart(3, '0')}${i % 10 === 0 ? ' Outreach' : ''}`,
      steps: [{ name: 's', type: 'prompt' }],
    });
  }
  expectedOrder = emu.state
    .flows()
    .sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1,
    )
    .map((f) => f.id);
});
afterAll(async () => {
  await emu.close();
});

describe('GET /v1/flows pagination', () => {
  it('returns summaries without steps and defaults limit to 20', async () => {
    const page = await list(emu, {});
    expect(page.data).toHaveLength(20);
    expect(page.pagination).toEqual({
      nextCursor: expect.any(String),
      prevCursor: null,
      hasMore: true,
      hasPrev: false,
      limit: 20,
      currentOffset: 0,
    });
    expect(Object.keys(page.data[0]!).sort()).toEqual([
      'createdAt',
      'id',
      'lastRunAt',
      'name',
      'updatedAt',
    ]);
  });

  it('walks 250 flows forward with limit=50: each exactly once, in stable order', async () => {
    const pages = await walk(emu, { limit: 50 }, 'next');
    expect(pages.map((p) => p.data.length)).toEqual([50, 50, 50, 50, 50]);
    const ids = pages.flatMap((p) => p.data.map((f) => f.id));
    expect(new Set(ids).size).toBe(250);
    expect(ids).toEqual(expectedOrder);
    expect(pages.map((p) => [p.pagination.hasPrev, p.pagination.hasMore])).toEqual([
      [false, true],
      [true, true],
      [true, true],
      [true, true],
      [true, false],
    ]);
  });

  it('walks backwards with prevCursor from the last page, each flow exactly once', async () => {
    const forward = await walk(emu, { limit: 50 }, 'next');
    const lastCursor = forward[3]!.pagination.nextCursor!;
    const pages = await walk(emu, { limit: 50, cursor: lastCursor }, 'prev');
    const ids = pages.flatMap((p) => p.data.map((f) => f.id));
    expect(pages).toHaveLength(5);
    expect(new Set(ids).size).toBe(250);
    expect(
      pages
        .map((p) => p.data.map((f) => f.id))
        .reverse()
        .flat(),
    ).toEqual(expectedOrder);
  });

  it('direction=prev without a cursor starts from the end; odd limits walk back to the start', async () => {
    const pages = await walk(emu, { limit: 40, direction: 'prev' }, 'prev');
    expect(pages.map((p) => p.data.length)).toEqual([40, 40, 40, 40, 40, 40, 10]);
    expect(
      pages
        .map((p) => p.data.map((f) => f.id))
        .reverse()
        .flat(),
    ).toEqual(expectedOrder);
  });

  it('a cursor carries its direction, and an explicit direction wins', async () => {
    const second = await list(emu, {
      limit: 50,
      cursor: (await list(emu, { limit: 50 })).pagination.nextCursor!,
    });
    const back = await list(emu, { limit: 50, cursor: second.pagination.prevCursor! });
    expect(back.data.map((f) => f.id)).toEqual(expectedOrder.slice(0, 50));
    const forcedNext = await list(emu, {
      limit: 10,
      cursor: second.pagination.prevCursor!,
      direction: 'next',
    });
    expect(forcedNext.data.map((f) => f.id)).toEqual(expectedOrder.slice(51, 61));
  });

  it('includeCount adds totalCount, totalPages, currentPage', async () => {
    const first = await list(emu, { limit: 50, includeCount: true });
    expect(first.pagination).toMatchObject({
      totalCount: 250,
      totalPages: 5,
      currentPage: 1,
      currentOffset: 0,
    });
    const third = await list(emu, {
      limit: 50,
      includeCount: true,
      cursor: (await walk(emu, { limit: 50 }, 'next'))[1]!.pagination.nextCursor!,
    });
    expect(third.pagination).toMatchObject({
      totalCount: 250,
      totalPages: 5,
      currentPage: 3,
      currentOffset: 100,
    });
    const without = await list(emu, { limit: 50, includeCount: false });
    expect(without.pagination).not.toHaveProperty('totalCount');
  });

  it('includeCount numbers pages reached backwards consistently (245 flows: 5, 4, 3, 2, 1)', async () => {
    const local = await startEmulator();
    try {
      for (let i = 0; i < 245; i++) local.state.create({ name: `b${i}` });
      const pages = await walk(local, { limit: 50, direction: 'prev', includeCount: true }, 'prev');
      expect(
        pages.map((p) => [p.data.length, p.pagination.currentOffset, p.pagination.currentPage]),
      ).toEqual([
        [50, 195, 5],
        [50, 145, 4],
        [50, 95, 3],
        [50, 45, 2],
        [45, 0, 1],
      ]);
      expect(
        pages.every((p) => p.pagination.totalPages === 5 && p.pagination.totalCount === 245),
      ).toBe(true);
      const forward = await walk(local, { limit: 50, includeCount: true }, 'next');
      expect(forward.map((p) => [p.pagination.currentOffset, p.pagination.currentPage])).toEqual([
        [0, 1],
        [50, 2],
        [100, 3],
        [150, 4],
        [200, 5],
      ]);
    } finally {
      await local.close();
    }
  });

  it('accepts booleans in any letter case; an empty includeCount counts as false', async () => {
    for (const value of ['TRUE', 'True', '1']) {
      expect((await list(emu, { limit: 1, includeCount: value })).pagination.totalCount).toBe(250);
    }
    for (const value of ['FALSE', '0', '']) {
      expect((await list(emu, { limit: 1, includeCount: value })).pagination).not.toHaveProperty(
        'totalCount',
      );
    }
  });

  it('search is a case-insensitive name substring, paginated and counted', async () => {
    const pages = await walk(emu, { search: 'outREACH', limit: 10, includeCount: true }, 'next');
    const names = pages.flatMap((p) => p.data.map((f) => f.name));
    expect(names).toHaveLength(25);
    expect(names.every((n) => n.endsWith(' Outreach'))).toBe(true);
    expect(pages[0]!.pagination).toMatchObject({ totalCount: 25, totalPages: 3 });
    const flow12x = (await list(emu, { search: 'Flow 12' })).data;
    expect(flow12x.map((f) => f.name).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `Flow 12${i}${i === 0 ? ' Outreach' : ''}`),
    );
    expect(flow12x.map((f) => f.id)).toEqual(
      expectedOrder.filter((id) => flow12x.some((f) => f.id === id)),
    );
    expect((await list(emu, { search: '.*' })).data).toEqual([]);
    expect(
      (await list(emu, { search: 'no such flow', includeCount: true })).pagination,
    ).toMatchObject({ totalCount: 0, totalPages: 0, hasMore: false, hasPrev: false });
  });

  it('clamps limit above 100 (as its error message says) and rejects bad parameters naming the field', async () => {
    expect((await list(emu, { limit: 1000 })).data).toHaveLength(100);
    expect((await list(emu, { limit: 1000 })).pagination.limit).toBe(100);
    const zero = await call(emu, 'GET', '/v1/flows?limit=0');
    expect(zero.json.details[0].message).toBe(
      'limit must be a positive integer (values above 100 are clamped to 100)',
    );
    const bad: [string, string][] = [
      ['limit=0', 'limit'],
      ['limit=-1', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=1.5', 'limit'],
      ['direction=up', 'direction'],
      ['cursor=%%%', 'cursor'],
      ['cursor=bm90anNvbg', 'cursor'],
      [`cursor=${Buffer.from('{"id":1,"dir":"next"}').toString('base64url')}`, 'cursor'],
      ['includeCount=maybe', 'includeCount'],
    ];
    for (const [query, field] of bad) {
      const res = await call(emu, 'GET', `/v1/flows?${query}`);
      expect({ query, status: res.status, body: res.json }).toMatchObject({
        query,
        status: 400,
        body: { details: [{ path: field }] },
      });
    }
  });
});

describe('pagination under concurrent changes', () => {
  it('keyset cursors neither skip nor repeat flows when others are created or deleted between pages', async () => {
    const local = await startEmulator();
    try {
      for (let i = 0; i < 30; i++) local.state.create({ name: `c${i}` });
      const before = local.state.flows().map((f) => f.id);
      const seen: string[] = [];
      let page = await list(local, { limit: 7 });
      seen.push(...page.data.map((f) => f.id));
      local.state.delete(before[0]!); // already seen
      local.state.delete(before[20]!); // not yet seen
      while (page.pagination.nextCursor !== null) {
        local.state.create({ name: 'late' }); // lands after everything
        page = await list(local, { limit: 7, cursor: page.pagination.nextCursor });
        seen.push(...page.data.map((f) => f.id));
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(before.filter((id) => id !== before[20])));
      expect(seen).not.toContain(before[20]);
    } finally {
      await local.close();
    }
  });

  it('an empty store lists nothing', async () => {
    const local = await startEmulator();
    try {
      const page = await list(local, { includeCount: true });
      expect(page).toEqual({
        data: [],
        pagination: {
          nextCursor: null,
          prevCursor: null,
          hasMore: false,
          hasPrev: false,
          limit: 20,
          totalCount: 0,
          totalPages: 0,
          currentPage: 1,
          currentOffset: 0,
        },
      });
    } finally {
      await local.close();
    }
  });
});
