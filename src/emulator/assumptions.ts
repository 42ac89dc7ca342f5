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
 * UNCONFIRMED: a step `config` may be any JSON value, as the request schema says (`config: {}`);
 * a missing one is stored as `{}`. Responses type `config` as an object: a flow response leaves
 * out a config that is not one (the document requires only `id` and `type` of a step), and GET
 * /v1/flow-steps (which requires `config`) answers `{}` for it. Not an API guess but an emulator
 * limit (the real API surely has one; its value is unknown): a config may nest objects/arrays at
 * most this deep, the config itself counting as level 1. Deeper input is a 400 TOO_DEEP before
 * anything is stored: the emulator serialises flows recursively, and a few KB nested thousands
 * deep would overflow the stack after the write. String lengths (`name`, `id`, `when`) are
 * counted in characters (Unicode code points), as JSON Schema counts them.
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
 * UNCONFIRMED: versions (see READINGS for what the two readings answer differently). A PUT (even
 * `{}`) rewrites the pending draft in place (same `draftVersionId`), or opens draft n+1 when
 * nothing is pending. Publishing freezes the draft (keeping its id) as published version n; with
 * nothing pending, POST /v1/flows/{id}/publish is 404 (documented: "flow or draft version not
 * found") whose detail code says NO_DRAFT_VERSION. Published versions have `label: 'v<n>'`; a
 * draft has label null; notes are null. `test`/`virtual` versions are never made; `?type=`
 * filters by exact versionType (an unknown value matches nothing, since the document lists no
 * 400 there).
 */
export const PUBLISHED_VERSION_TYPE = 'published';
export const DRAFT_VERSION_TYPE = 'draft';
/** The versionType the second reading gives a published version that is no longer live. */
export const ARCHIVED_VERSION_TYPE = 'archived';

/**
 * UNCONFIRMED: POST /v1/flow-versions/{flowId}/publish (see READINGS for what it does to the
 * versions). Publishing the pending draft's id is the same as POST /v1/flows/{id}/publish. A
 * version of another flow is 404 there (as unknown); GET .../{flowId}/{versionId} answers 400 for
 * it (documented: "Version does not belong to this flow").
 */

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
/**
 * Ids are TypeIDs, as in the document's examples (`flow_01k…`, `flowver_01jv…`): the prefix, `_`
 * and 26 characters of Crockford base32 (lowercase) whose first is 0-7. Ids are opaque to
 * clients. A flow id that cannot be one is 400 "Invalid flow ID" on the routes that document that
 * answer (GET/PUT/DELETE /v1/flows/{id}, its publish, GET /v1/flow-steps/flow/{id}); elsewhere it
 * is simply unknown (404). UNCONFIRMED: what counts as malformed; a UUID is still well-formed, so
 * state files and lockfiles made by earlier emulators (whose flow ids were UUIDs) keep working.
 */
export const FLOW_ID_PREFIX = 'flow_';
export const VERSION_ID_PREFIX = 'flowver_';
export const INVALID_FLOW_ID_MESSAGE = 'Invalid flow ID';

/**
 * Documented operations the emulator does not implement: answered 501 with the documented Error
 * body (an emulator-only status, listed beside the contract tests), never a 404 "No route" that
 * would read as "this API has no such endpoint".
 */
export const NOT_IMPLEMENTED_ROUTES = [
  'GET /v1/flows/{id}/export-runtime',
  'POST /v1/flows/{id}/run-on-record-type',
  'GET /v1/flows/{id}/step-results',
] as const;

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
 * UNCONFIRMED: the default `limit` of GET /v1/flows (the document types it as a string). A
 * larger `limit` than the reading's maximum (READINGS) is clamped (pagination.limit shows it); a
 * non-positive-integer one is 400.
 */
export const DEFAULT_LIST_LIMIT = 20;

/**
 * UNCONFIRMED: `direction` values are `next` | `prev`. Cursors are opaque base64url JSON
 * `{ createdAt, id, dir }` (keyset on createdAt then id, in the reading's listing order). A
 * cursor remembers its direction; an explicit `direction` wins. `direction=prev` without a cursor
 * returns the LAST page. `search`: see READINGS. `includeCount=true` adds totalCount, totalPages,
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
 * on a known path is 405 with `Allow`; an unknown route 404; a documented one the emulator does
 * not implement 501 (NOT_IMPLEMENTED_ROUTES) — all with the documented Error body.
 * Content-Type is not checked; an empty body counts as `{}`; a trailing slash is tolerated.
 * Publish bodies are not read.
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

// --- the two readings ---

/**
 * Which answer the emulator gives to each point below that the document leaves open
 * (`EmulatorOptions.reading`, `runtype-flows emulator --reading`). The first reading is the
 * default; the second answers every such point the other way the document allows, so that a
 * client proven against both depends on neither (DESIGN.md: the integration suites run under
 * both).
 */
export type Reading = 'first' | 'second';
export const READING_NAMES: readonly Reading[] = ['first', 'second'];

/** One open point: what each reading answers. `flipped: false` when both answer alike (why). */
export interface OpenPoint {
  point: string;
  first: string;
  second: string;
  flipped: boolean;
}

/**
 * EVERY open point the emulator answers, with both readings' answers (the README's table of them
 * is checked against this list by test/contract/documented-guesses.test.ts).
 */
export const OPEN_POINTS: readonly OpenPoint[] = [
  {
    point: "A version's `flowConfig` (typed `object | null`, no properties)",
    first: 'The flow it froze, `{ name, flowSteps }`, steps as sent (with `when`)',
    second:
      'Published versions: `{ steps }`, steps as a flow response has them, no name; a draft: `null`',
    flipped: true,
  },
  {
    point: 'Page size of GET /v1/flows (`limit` is a string, no maximum stated)',
    first: '`limit` is honoured up to 100 (default 20)',
    second: 'At most 25 a page, below the 100 the client asks for',
    flipped: true,
  },
  {
    point: 'What POST /v1/flows leaves to publish',
    first: 'A draft v1; nothing is live until a publish',
    second: 'v1 is published at once; a publish right after it is 404 (nothing to publish)',
    flipped: true,
  },
  {
    point: '`updatedAt` after an edit made through the flow-steps endpoints',
    first: 'Moves, as after a PUT',
    second: 'Stays as it was',
    flipped: true,
  },
  {
    point: 'A PUT step sent without `when`',
    first: 'The step has no `when` any more (`flowSteps` replaces the list)',
    second: 'The step keeps the `when` its id had',
    flipped: true,
  },
  {
    point: '`versionType` of a published version once another one is live',
    first: '`published`',
    second: '`archived`',
    flipped: true,
  },
  {
    point: 'GET /v1/flow-versions/{flowId}/published when nothing is live',
    first: '404',
    second: '200 with the newest version (a draft) and `flowConfig: null`',
    flipped: true,
  },
  {
    point: 'Listing order',
    first: 'Flows oldest first; versions newest first',
    second: 'Flows newest first; versions oldest first',
    flipped: true,
  },
  {
    point: '`search` on GET /v1/flows',
    first: 'A case-insensitive substring of the name',
    second: 'Ignored: every flow is listed',
    flipped: true,
  },
  {
    point: 'POST /v1/flow-versions/{flowId}/publish (a specific version)',
    first: "Moves the live pointer only: numbering, the flow's steps and a pending draft stay",
    second:
      "Copies the version as the next published version (the answer names the copy); the flow's steps become its steps; a pending draft is dropped",
    flipped: true,
  },
  {
    point: 'A PUT while a draft is pending',
    first: 'Rewrites that draft in place (same `draftVersionId`)',
    second: 'The same (not flipped: no client reads `draftVersionId` to decide anything)',
    flipped: false,
  },
  {
    point: 'Steps in responses (name, order, enabled, config)',
    first:
      'As sent; omitted fields get defaults (enabled true, config `{}`, order = 1-based position)',
    second:
      'The same (not flipped: the tool compares content by them; api/guesses.ts, `steps-as-sent`, says what it does when a server rewrites them)',
    flipped: false,
  },
  {
    point: 'Step ids of steps sent without one',
    first: 'New `step_<hex>` ids',
    second: 'The same (not flipped: the tool always sends ids)',
    flipped: false,
  },
  {
    point: '`description` on create (not in the request schema)',
    first: 'Accepted and kept, never answered',
    second: 'The same (not flipped: no response carries it either way)',
    flipped: false,
  },
  {
    point: 'Flow and version ids',
    first: 'TypeIDs (`flow_…`, `flowver_…`); a malformed flow id is 400 "Invalid flow ID"',
    second: "The same (the document's examples are TypeIDs; ids are opaque to the tool)",
    flipped: false,
  },
  {
    point: 'A step `config` that is not an object (the request schema accepts any value)',
    first: 'Accepted; flow responses leave it out, flow-steps answers `{}`',
    second: 'The same (not flipped: the tool always sends objects)',
    flipped: false,
  },
  {
    point: 'Documented routes the emulator does not implement',
    first: '501 with the documented Error body (NOT_IMPLEMENTED_ROUTES)',
    second: 'The same',
    flipped: false,
  },
];
