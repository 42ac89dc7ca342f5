/**
 * Keyset pagination over a stable order ((createdAt, then id), ascending or descending as the
 * reading lists). A cursor is opaque to clients: base64url JSON `{ createdAt, id, dir }`, or
 * `{ dir }` alone meaning "from the start" (next) / "from the end" (prev). Keyset cursors stay
 * correct while flows are created or deleted between pages: no flow is skipped or repeated.
 */
import {
  currentPageOf,
  DEFAULT_LIST_LIMIT,
  EMPTY_BOOLEAN_PARAM,
  LIST_DIRECTIONS,
} from './assumptions.js';
import { VALIDATION_CODES as C } from './assumptions.js';
import { enumSuggestion } from './suggest.js';
import { InputError, isObject } from './validate.js';
import type { PaginationDto } from './types.js';

export type Direction = (typeof LIST_DIRECTIONS)[number];

export interface SortKey {
  createdAt: string;
  id: string;
}

interface Cursor {
  key: SortKey | null;
  dir: Direction;
}

export interface ListQuery {
  limit: number;
  direction: Direction;
  key: SortKey | null;
  includeCount: boolean;
  search: string | null;
}

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/** The order a list is sorted in. */
export type Compare = (a: SortKey, b: SortKey) => number;

/** First index whose key is > key (strict=true) or >= key (strict=false), in `compare`'s order. */
export function searchIndex(
  sorted: readonly SortKey[],
  key: SortKey,
  strict: boolean,
  compare: Compare = compareKeys,
): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compare(sorted[mid]!, key);
    if (c < 0 || (strict && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function encodeCursor(key: SortKey | null, dir: Direction): string {
  const payload = key === null ? { dir } : { createdAt: key.createdAt, id: key.id, dir };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!isObject(parsed) || !LIST_DIRECTIONS.includes(parsed.dir as Direction)) {
    throw badCursor();
  }
  const dir = parsed.dir as Direction;
  if (parsed.createdAt === undefined && parsed.id === undefined) return { key: null, dir };
  if (typeof parsed.createdAt !== 'string' || typeof parsed.id !== 'string') {
    throw badCursor();
  }
  return { key: { createdAt: parsed.createdAt, id: parsed.id }, dir };
}

function parseBoolean(value: string, field: string): boolean {
  if (value === '') return EMPTY_BOOLEAN_PARAM;
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  throw InputError.of(C.invalidEnum, field, `${field} must be true or false`, 'Use true or false.');
}

/** `maxLimit`: the most a page holds (the reading's); a larger `limit` is clamped to it. */
export function parseListQuery(params: URLSearchParams, maxLimit: number): ListQuery {
  let limit = Math.min(DEFAULT_LIST_LIMIT, maxLimit);
  const rawLimit = params.get('limit');
  if (rawLimit !== null) {
    if (!/^\d+$/.test(rawLimit) || Number(rawLimit) < 1) {
      const message =
        `limit must be a positive integer (values above ${maxLimit} are clamped to ` +
        `${maxLimit})`;
      throw InputError.of(
        C.invalidFormat,
        'limit',
        message,
        `Use a whole number from 1 to ${maxLimit}.`,
      );
    }
    limit = Math.min(Number(rawLimit), maxLimit);
  }
  const rawDirection = params.get('direction');
  if (rawDirection !== null && !LIST_DIRECTIONS.includes(rawDirection as Direction)) {
    const message = `direction must be one of ${LIST_DIRECTIONS.join(', ')}`;
    throw InputError.of(
      C.invalidEnum,
      'direction',
      message,
      enumSuggestion(rawDirection, LIST_DIRECTIONS),
    );
  }
  const rawCursor = params.get('cursor');
  const cursor = rawCursor === null || rawCursor === '' ? null : decodeCursor(rawCursor);
  const rawCount = params.get('includeCount');
  const search = params.get('search');
  return {
    limit,
    direction: (rawDirection as Direction | null) ?? cursor?.dir ?? 'next',
    key: cursor?.key ?? null,
    includeCount: rawCount === null ? false : parseBoolean(rawCount, 'includeCount'),
    search: search === null || search === '' ? null : search,
  };
}

/** Slices one page out of `sorted` (in `compare`'s order) and builds its pagination object. */
export function paginate<T extends SortKey>(
  sorted: readonly T[],
  q: ListQuery,
  compare: Compare = compareKeys,
): { page: T[]; pagination: PaginationDto } {
  const n = sorted.length;
  let start: number;
  let end: number;
  if (q.direction === 'next') {
    start = q.key === null ? 0 : searchIndex(sorted, q.key, true, compare);
    end = Math.min(start + q.limit, n);
  } else {
    end = q.key === null ? n : searchIndex(sorted, q.key, false, compare);
    start = Math.max(0, end - q.limit);
  }
  const page = sorted.slice(start, end);
  const first = page[0];
  const last = page[page.length - 1];
  const hasMore = end < n;
  const hasPrev = start > 0;
  const pagination: PaginationDto = {
    nextCursor: hasMore ? encodeCursor(last ?? null, 'next') : null,
    prevCursor: hasPrev ? encodeCursor(first ?? null, 'prev') : null,
    hasMore,
    hasPrev,
    limit: q.limit,
    currentOffset: start,
  };
  if (q.includeCount) {
    const totalPages = Math.ceil(n / q.limit);
    pagination.totalCount = n;
    pagination.totalPages = totalPages;
    pagination.currentPage = currentPageOf(start, end, q.limit, totalPages);
  }
  return { page, pagination };
}

// --- internal ---

function badCursor(): InputError {
  const suggestion = 'Pass back a nextCursor or prevCursor exactly as a previous page returned it.';
  return InputError.of(C.invalidFormat, 'cursor', 'cursor is not a valid cursor', suggestion);
}
