/**
 * EVERY guess the emulator makes about the real Runtype API lives here.
 *
 * What the vendored OpenAPI document (openapi/runtype-flows.openapi.json, summarised in
 * /work/shared/runtype-api.md §00) settles is NOT listed: statuses, request rules, response
 * shapes and the error body follow it, and the contract tests (test/contract) check every
 * emulator answer against it. Each entry below is something the document leaves open, tagged
 * UNCONFIRMED, so that correcting the emulator once the real API is observed means editing
 * this one file. Undocumented statuses (413, 429, 503, the read-only 405) are listed, as
 * guesses, beside the contract tests in test/contract/undocumented-statuses.ts. The guesses about
 * running flows (POST /v1/dispatch and its stream) are in dispatch/assumptions.ts.
 */

/**
 * `details[].code` values. The document names MISSING_REQUIRED_FIELD and INVALID_ENUM as
 * examples; the others are UNCONFIRMED guesses in the same style. A 400 lists every problem
 * of the body (one detail per offending field, the first rule it breaks), each with the
 * dotted path the client sent (`steps.0.type`, `flowSteps.2.id`, `name`).
 */
export const VALIDATION_CODES = {
  missing: 'MISSING_REQUIRED_FIELD',
  invalidEnum: 'INVALID_ENUM',
  /** UNCONFIRMED: wrong JSON type (a number for a string, an array for an object, …). */
  invalidType: 'INVALID_TYPE',
  /** UNCONFIRMED: a string under its minLength. */
  tooShort: 'TOO_SHORT',
  /** UNCONFIRMED: a string over its maxLength. */
  tooLong: 'TOO_LONG',
  /** UNCONFIRMED: a string not matching its pattern; also a malformed query value or cursor. */
  invalidFormat: 'INVALID_FORMAT',
  /** UNCONFIRMED: a number under its minimum. */
  tooSmall: 'TOO_SMALL',
  /** UNCONFIRMED: a number that must be an integer and is not. */
  notInteger: 'NOT_INTEGER',
  /** UNCONFIRMED (emulator limit, see MAX_CONFIG_DEPTH): a config nested too deep. */
  tooDeep: 'TOO_DEEP',
  /** UNCONFIRMED: a body that is not JSON (400 on every operation that takes one). */
  invalidJson: 'INVALID_JSON',
} as const;

/**
 * `details[0].code` of errors that are not about a field. UNCONFIRMED: the document gives these
 * errors no details; the emulator adds one so a client can tell the cases apart without
 * parsing `error`.
 */
export const ERROR_DETAIL_CODES = {
  /** POST /v1/flows/{id}/publish on an existing flow with no pending draft (404). */
  noDraft: 'NO_DRAFT_VERSION',
  /** Emulator only, no API guess: a write refused by a read-only emulator (405), see server.ts. */
  readOnly: 'EMULATOR_READ_ONLY',
} as const;

/**
 * UNCONFIRMED: a step `config` that is not a JSON object (the request schema leaves `config`
 * untyped, but every response types it as an object) is refused with INVALID_TYPE. Not an API
 * guess but an emulator limit (the real API surely has one; its value is unknown): a config
 * may nest objects/arrays at most this deep, the config object itself counting as level 1.
 * Deeper input is a 400 TOO_DEEP before anything is stored: the emulator serialises flows
 * recursively, and a few KB nested thousands deep would overflow the stack after the write.
 */
export const MAX_CONFIG_DEPTH = 64;

/**
 * UNCONFIRMED: request bodies. Fields the documented request schema does not name are ignored
 * (top level and per step; they are not stored). POST /v1/flows with BOTH `steps` and
 * `flowSteps` validates both (the schema allows both) and uses `flowSteps`, the name every
 * response and PUT use. `description` is accepted on create and kept in the state file only
 * (write-only: no response carries it). PUT takes only `name` and `flowSteps`. Duplicate step
 * ids within a flow and duplicate flow names are accepted. The public validate endpoint also
 * accepts `steps` (it has no schema of its own), with the same rule as create.
 */
export const STEP_DEFAULTS = {
  /** UNCONFIRMED: the server's defaults for omitted step fields (enabled: documented default). */
  enabled: true,
  config: (): Record<string, unknown> => ({}),
  /** `order` defaults to the 1-based position in the list sent (DESIGN.md does the same). */
  order: (index: number): number => index + 1,
} as const;

/**
 * UNCONFIRMED: versions. A create opens draft v1 and publishes nothing. A PUT (even `{}`)
 * bumps `updatedAt` and rewrites the pending draft in place (same `draftVersionId`), or opens
 * draft n+1 when nothing is pending. Publishing freezes the draft (keeping its id) as
 * published version n; with nothing pending, POST /v1/flows/{id}/publish is 404 (documented:
 * "flow or draft version not found") whose detail code says NO_DRAFT_VERSION. Published
 * versions keep `versionType: 'published'` and `label: 'v<n>'`; a draft has label null; notes
 * are null. `test`/`virtual` versions are never made; `?type=` filters by exact versionType
 * (an unknown value matches nothing, since the document lists no 400 there). The list is
 * newest first (by versionNumber).
 */
export const PUBLISHED_VERSION_TYPE = 'published';
export const DRAFT_VERSION_TYPE = 'draft';

/**
 * UNCONFIRMED: publishing a specific version (POST /v1/flow-versions/{flowId}/publish) only
 * moves the live pointer (`publishedVersionId`): numbering does not change, GET
 * /v1/flows/{id} keeps the flow's current (latest edited) steps, and a pending draft stays
 * pending. Publishing the pending draft's id is the same as POST /v1/flows/{id}/publish.
 * A version of another flow is 404 there (as unknown); GET .../{flowId}/{versionId} answers
 * 400 for it (documented: "Version does not belong to this flow").
 */
export const ROLLBACK_MOVES_POINTER_ONLY = true;

/**
 * UNCONFIRMED: a version's `flowConfig` is `{ name, flowSteps }`, steps request-shaped (with
 * `when`).
 */
export function versionFlowConfig<T>(name: string, flowSteps: T): { name: string; flowSteps: T } {
  return { name, flowSteps };
}

/**
 * UNCONFIRMED: `stepSummary` is e.g. "3 steps: prompt, transform-data, send-email" ("0 steps" when
 * empty).
 */
export function stepSummary(types: readonly string[]): string {
  const count = `${types.length} step${types.length === 1 ? '' : 's'}`;
  return types.length === 0 ? count : `${count}: ${types.join(', ')}`;
}

/**
 * UNCONFIRMED: GET /v1/flows/{id} returns the flow's current (draft) steps, not the live
 * version's; steps sent without ids get new `step_<hex>` ids (no positional carry-over).
 * PUT checks the id (404) after reading the body (413 when too large) but before parsing it.
 */
export const STEP_ID_PREFIX = 'step_';
/** UNCONFIRMED: id formats. Flow ids are UUIDs, version ids `flowver_<26 hex>`. Ids are opaque. */
export const VERSION_ID_PREFIX = 'flowver_';

/**
 * UNCONFIRMED: public validation (POST /v1/public/flows/validate). The key is optional: a
 * valid key gives `context.authenticated: true`; a missing or WRONG key is treated as
 * unauthenticated (the document lists no 401 there). Account checks are never performed
 * (`accountChecksPerformed: false`; `accountChecksSkipped` is true when authenticated, since
 * they could have run). Errors are the create rules (same codes and paths). Guessed extras:
 * a step with `enabled: false` is a warning STEP_DISABLED; a `prompt` step whose config has no
 * `outputVariable` is a recommendation MISSING_OUTPUT_VARIABLE; a flow with no steps is a
 * warning EMPTY_FLOW.
 */
export const VALIDATION_ISSUE_CODES = {
  stepDisabled: 'STEP_DISABLED',
  missingOutputVariable: 'MISSING_OUTPUT_VARIABLE',
  emptyFlow: 'EMPTY_FLOW',
} as const;

/**
 * UNCONFIRMED: default and maximum `limit` of GET /v1/flows (the document types it as a string).
 */
export const DEFAULT_LIST_LIMIT = 20;
/**
 * UNCONFIRMED: a larger `limit` is clamped (pagination.limit shows it); a non-positive-integer one
 * is 400.
 */
export const MAX_LIST_LIMIT = 100;

/**
 * UNCONFIRMED: `direction` values are `next` | `prev`. Cursors are opaque base64url JSON
 * `{ createdAt, id, dir }` (keyset on createdAt then id). A cursor remembers its direction; an
 * explicit `direction` wins. `direction=prev` without a cursor returns the LAST page. `search`
 * is a case-insensitive substring of `name`. `includeCount=true` adds totalCount, totalPages,
 * currentPage (currentOffset is always there: the document requires it).
 */
export const LIST_DIRECTIONS = ['next', 'prev'] as const;

/** UNCONFIRMED: boolean query parameters accept true/false/1/0 in any case; empty is false. */
export const EMPTY_BOOLEAN_PARAM = false;

/**
 * UNCONFIRMED: `currentPage` of a page not starting at a multiple of `limit` (reached backwards,
 * or after creates/deletes): the page holding the page's LAST item, so the last page is always
 * `totalPages`; an empty page reports the page its offset falls in (1 for an empty list).
 */
export function currentPageOf(
  start: number,
  end: number,
  limit: number,
  totalPages: number,
): number {
  const anchor = end > start ? end - 1 : start;
  return Math.min(Math.floor(anchor / limit) + 1, Math.max(totalPages, 1));
}

/** UNCONFIRMED: the owner id reported (no real accounts locally); `organizationId` is null. */
export const DEFAULT_USER_ID = 'user_local_emulator';
export const ORGANIZATION_ID = null;

/** The emulator's accepted API key. NOT A SECRET: it only opens the local emulator. */
export const DEFAULT_LOCAL_KEY = 'rt_test_local_emulator';

/*
 * UNCONFIRMED: HTTP details the document leaves open. Auth is checked before routing (an
 * unknown route without a key is 401), 401 carries `WWW-Authenticate: Bearer`. A wrong method
 * on a known path is 405 with `Allow`; an unknown route 404 (both emulator answers with the
 * documented Error body). Content-Type is not checked; an empty body counts as `{}`; a trailing
 * slash is tolerated. Publish bodies are not read.
 */

/** UNCONFIRMED: `dashboardUrl` points at the emulator itself (nothing is served there). */
export const DASHBOARD_PATH = '/dashboard/flows/';

/**
 * UNCONFIRMED: rate limiting. Real limits apply to executions, not CRUD (429 is undocumented
 * for flows); the emulator only answers 429 by fault injection, with an integer `Retry-After`.
 */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** Not an API guess, an emulator choice: request bodies above this are 413. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
