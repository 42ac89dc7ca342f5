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
} as const;

/** UNCONFIRMED (api.md §1.4, §10 q7): default and maximum `limit` of GET /v1/flows. */
export const DEFAULT_LIST_LIMIT = 20;
/** A larger `limit` is clamped to this (the response's `pagination.limit` shows it), not rejected. */
export const MAX_LIST_LIMIT = 100;

/**
 * UNCONFIRMED (api.md §1.4): `direction` values are `next` | `prev`. Cursors are opaque
 * base64url JSON `{ createdAt, id, dir }` (keyset on the stable order createdAt then id).
 * A cursor remembers its own direction; an explicit `direction` query wins over it.
 * `direction=prev` without a cursor returns the LAST page. `search` is a case-insensitive
 * substring of `name`. `includeCount=true` adds `totalCount`, `totalPages`, `currentPage`
 * and `currentOffset` (totalPages is 0 for an empty result). Booleans accept true/false/1/0.
 */
export const LIST_DIRECTIONS = ['next', 'prev'] as const;

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

/*
 * UNCONFIRMED (api.md §8, §10 q5): GET /v1/flows/:id returns the latest (draft) steps, not the
 * published ones (see `renderFlow`: it always renders the flow's current steps).
 *
 * UNCONFIRMED (api.md §2.4, §10 q4): PUT is a partial top-level update of `name`,
 * `description` (string or null) and `flowSteps`/`steps`; a step list replaces the whole
 * list; steps sent without ids get NEW generated ids (no positional carry-over). Every PUT
 * (even `{}`) bumps `updatedAt` and rewrites the pending draft version in place (same
 * `draftVersionId`) or, when the last change was published, opens a new draft numbered n+1.
 * PUT checks the id (404) before validating the body (400).
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
