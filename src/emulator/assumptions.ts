/**
 * EVERY guess the emulator makes about the real Runtype API lives here.
 *
 * The public docs (see /work/shared/runtype-api.md, tags [doc]/[ex]/[infer]) leave many
 * details open. Each constant or note below is tagged UNCONFIRMED with what is unknown, so
 * that once `https://api.runtype.com/v1/openapi.json` (or a real account) can be checked,
 * correcting the emulator means editing this one file. Behaviour that is confirmed by the
 * docs is NOT listed here.
 */

/**
 * UNCONFIRMED (api.md §1.2): the error body shape. The 400 body was never captured.
 * Emulator: `{ error: <message>, code: <CODE>, details?: { field?: <path>, ... } }`.
 */
export const ERROR_CODES = {
  validation: 'VALIDATION_ERROR',
  unauthorized: 'UNAUTHORIZED',
  notFound: 'NOT_FOUND',
  methodNotAllowed: 'METHOD_NOT_ALLOWED',
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  invalidJson: 'INVALID_JSON',
  rateLimited: 'RATE_LIMITED',
  internal: 'INTERNAL',
  unavailable: 'SERVICE_UNAVAILABLE',
  /** UNCONFIRMED (api.md §2.6): publish with no pending draft answers 400 with this code. */
  nothingToPublish: 'NOTHING_TO_PUBLISH',
  /**
   * Emulator only, no API guess: a write sent to a read-only emulator (the one plan, status and
   * sync --dry-run start) is refused with 405 rather than applied in memory, so a run that is
   * meant never to write fails loudly if it ever tries.
   */
  readOnly: 'EMULATOR_READ_ONLY',
} as const;

/** UNCONFIRMED (api.md §1.4, §10 q7): default and maximum `limit` of GET /v1/flows. */
export const DEFAULT_LIST_LIMIT = 20;
/**
 * UNCONFIRMED: a larger `limit` is clamped to this (the response's `pagination.limit` shows
 * it), not rejected; only a `limit` that is not a positive integer is a 400 (whose message
 * says so). Clamping is the kinder guess for a client that asks for "as many as possible".
 */
export const MAX_LIST_LIMIT = 100;

/**
 * UNCONFIRMED (api.md §1.4): `direction` values are `next` | `prev`. Cursors are opaque
 * base64url JSON `{ createdAt, id, dir }` (keyset on the stable order createdAt then id).
 * A cursor remembers its own direction; an explicit `direction` query wins over it.
 * `direction=prev` without a cursor returns the LAST page. `search` is a case-insensitive
 * substring of `name`. `includeCount=true` adds `totalCount`, `totalPages`, `currentPage`
 * and `currentOffset` (totalPages is 0 for an empty result).
 */
export const LIST_DIRECTIONS = ['next', 'prev'] as const;

/**
 * UNCONFIRMED (api.md §1.4): boolean query parameters (`includeCount`) accept true/false/1/0
 * in any letter case; an empty value (`includeCount=`) counts as false.
 */
export const EMPTY_BOOLEAN_PARAM = false;

/**
 * UNCONFIRMED (api.md §1.4): what `currentPage` means on a page that does not start at a
 * multiple of `limit` (a page reached backwards from the end, or after flows were created or
 * deleted between requests). The emulator numbers pages as if the whole list were cut into
 * `limit`-sized pages from the start, and reports the page holding the page's LAST item, so
 * the last page is always `totalPages` (245 flows, limit 50: walking back from the end gives
 * pages 5, 4, 3, 2, 1 at offsets 195, 145, 95, 45, 0). An empty page reports the page its
 * offset falls in, at most `totalPages` (and 1 for an empty list).
 */
export function currentPageOf(start: number, end: number, limit: number, totalPages: number): number {
  const anchor = end > start ? end - 1 : start;
  return Math.min(Math.floor(anchor / limit) + 1, Math.max(totalPages, 1));
}

/**
 * UNCONFIRMED (api.md §1.6): id formats. Flow ids are UUIDs (examples), version ids
 * `flowver_<random>` (TypeID-like in examples; here 26 lowercase hex chars), generated step
 * ids `step_<random>`. Clients must treat every id as opaque.
 */
export const VERSION_ID_PREFIX = 'flowver_';
export const STEP_ID_PREFIX = 'step_';

/** UNCONFIRMED: the user id the emulator reports as owner (no real accounts locally). */
export const DEFAULT_USER_ID = 'user_local_emulator';
/** UNCONFIRMED: `organizationId` is always null (personal account). */
export const ORGANIZATION_ID = null;

/**
 * The emulator's accepted API key. NOT A SECRET: it only opens the local emulator.
 * It has the documented `rt_test_` prefix (api.md §1.1).
 */
export const DEFAULT_LOCAL_KEY = 'rt_test_local_emulator';

/**
 * UNCONFIRMED (api.md §2.2): create answers 201 (docs show no status; 200 is possible).
 * A new flow has `status: 'draft'`, `lastRunAt: null`, `sampleMetadata: {}` and
 * `description: null` when none is sent. Sending both `steps` and `flowSteps` is a 400.
 * Unknown top-level body fields are ignored; unknown step fields are dropped.
 * A step's `when` is passed through unchanged when present (its type is not documented).
 * Duplicate step ids within one flow are accepted (not documented either way).
 * Flow names are NOT unique (api.md §1.5 [infer]); duplicates are allowed.
 */
export const CREATE_STATUS = 201;
export const INITIAL_FLOW_STATUS = 'draft';

/**
 * UNCONFIRMED (api.md §2.2): step defaults the server fills in for fields the client left
 * out. A step's `type` must be a non-empty string (any value: the type list is not closed);
 * `config` is optional and defaults to `{}`; `enabled` defaults to true; `order` defaults to
 * the step's 1-based position in the list sent.
 */
export const STEP_TYPE_MIN_LENGTH = 1;
export const STEP_DEFAULTS = {
  enabled: true,
  config: (): Record<string, unknown> => ({}),
  order: (index: number): number => index + 1,
} as const;

/**
 * Not an API guess, an emulator limit (the real API surely has one; its value is unknown):
 * a step's `config` (and `when`) may nest objects/arrays at most this deep, counting the
 * config object itself as level 1. Deeper input is a 400 naming the field, before anything
 * is stored: the emulator serialises flows recursively (answers, the state file), and a
 * body of a few KB nested thousands deep would otherwise overflow the stack after the
 * write was applied.
 */
export const MAX_CONFIG_DEPTH = 64;

/*
 * UNCONFIRMED (api.md §8, §10 q5): GET /v1/flows/:id returns the latest (draft) steps, not the
 * published ones (see `renderFlow`: it always renders the flow's current steps).
 *
 * UNCONFIRMED (api.md §2.4, §10 q4): PUT is a partial top-level update of `name`,
 * `description` (string or null) and `flowSteps`/`steps`; a step list replaces the whole
 * list; steps sent without ids get NEW generated ids (no positional carry-over). Every PUT
 * (even `{}`) bumps `updatedAt` and rewrites the pending draft version in place (same
 * `draftVersionId`) or, when the last change was published, opens a new draft numbered n+1.
 * PUT and publish check the id (404) after reading the body (413 when it is too large) but
 * before parsing it: an unknown id with malformed JSON is 404, not 400 INVALID_JSON.
 *
 * UNCONFIRMED (api.md §2.1): list items are `{ id, name, description, status, createdAt,
 * updatedAt, lastRunAt, stepCount }` (the docs' examples show a subset; `description` and
 * `stepCount` are guesses).
 *
 * UNCONFIRMED (api.md §1.1, §1.2): HTTP details the docs do not pin down. Auth is checked
 * before routing, so an unknown route without a key is 401, not 404; 401 carries
 * `WWW-Authenticate: Bearer`. A wrong method on a known path is 405 with `Allow`.
 * `Content-Type` is not checked; an empty body counts as `{}`; a trailing slash is tolerated.
 */

/**
 * UNCONFIRMED (api.md §2.5): DELETE answers 200 `{ success: true, message }` and is a hard
 * delete (versions go too; later requests for the id are 404).
 */
export const DELETE_STATUS = 200;

/**
 * UNCONFIRMED (api.md §2.6, §2.11): publish promotes the pending draft (keeping its id) to
 * published version n+1 and returns its id as `publishedVersionId`; the flow's `status`
 * becomes `'active'`. Publishing with no pending draft is 400 NOTHING_TO_PUBLISH. Versions
 * list: drafts have `versionType: 'draft'`, published ones `'published'` (older published
 * versions keep that type; `publishedVersionId` names the live one). `label` is `v<n>` for
 * published versions and null for a draft, `notes` is null, and `stepSummary` is an array of
 * `{ id, name, type }` (its real type is unknown). The list is newest first (draft, then
 * published by descending number). `?type=draft|published` filters the list.
 */
export const PUBLISHED_FLOW_STATUS = 'active';

/**
 * UNCONFIRMED (api.md §2.11): a single version (`GET /v1/flow-versions/:flowId/published` and
 * `/:versionId`) carries its steps as `flowConfig: { steps }`; nothing else of the flow's
 * configuration is versioned here.
 */
export function versionFlowConfig<T>(steps: T): { steps: T } {
  return { steps };
}

/**
 * UNCONFIRMED: `dashboardUrl` points at the emulator itself (`<base>/dashboard/flows/<id>`),
 * never at the real dashboard; nothing is served there (404).
 */
export const DASHBOARD_PATH = '/dashboard/flows/';

/**
 * UNCONFIRMED (api.md §1.3): rate limiting. Real limits apply to executions, not CRUD; the
 * emulator only produces 429 through fault injection, with an integer `Retry-After` header
 * (seconds) and code RATE_LIMITED. `X-RateLimit-*` headers are not emulated.
 */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** Not an API guess, an emulator choice: request bodies above this are 413. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
