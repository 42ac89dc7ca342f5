/**
 * EVERY guess the client makes about the real Runtype API, in one place (the server side's
 * guesses are in src/emulator/assumptions.ts). Each one is something
 * openapi/runtype-flows.openapi.json leaves open, listed in GUESSES with what the tool does when
 * it is wrong; the constants and readers below are the code that depends on them. The README's
 * section "What we assume about the API" is checked against GUESSES by a test
 * (test/contract/documented-guesses.test.ts): change both together.
 *
 * The core path (create, update, publish, adopt, recover after a crash) is decided by documented
 * fields wherever they can decide: the versions list (`publishedVersionId`, each version's
 * `versionNumber`) and GET /v1/flows/{id}. The emulator answers every open point two ways (its
 * two readings), and the integration suites run under both.
 */

/** One guess: what the tool assumes, and what it does when the API answers otherwise. */
export interface Guess {
  /** A stable id (kebab-case), for references from the code. */
  id: string;
  guess: string;
  ifWrong: string;
}

export const GUESSES: readonly Guess[] = [
  {
    id: 'current-is-newest',
    guess:
      "GET /v1/flows/{id} answers the content of the flow's newest version (the highest " +
      '`versionNumber`): edits land in a draft numbered after every other version, and ' +
      'publishing freezes it under that number.',
    ifWrong:
      'The live version is taken to hold the code only when it is the newest version and the ' +
      "flow's content is the code's: an API whose flow can hold an edit that made no version " +
      'would have that edit taken for the live content. A live version that is not the newest ' +
      'is judged by its `flowConfig` alone, and when that cannot be read the answer is "live ' +
      'version unknown" (said, with the reason), never a false "live".',
  },
  {
    id: 'create-leaves-draft',
    guess: 'POST /v1/flows leaves a draft to publish.',
    ifWrong:
      'A create published at once makes the publish right after it answer 404 (nothing to ' +
      'publish); that is settled by the versions list and the flow itself, and recorded as live.',
  },
  {
    id: 'publish-404-nothing-pending',
    guess:
      'A 404 from POST /v1/flows/{id}/publish on a flow that exists means nothing is pending ' +
      '(the document: "flow or draft version not found").',
    ifWrong:
      'The settlement reads the versions list and the flow: live and holding the code is ' +
      'success; a published version holding the code is made live by id; otherwise the outcome ' +
      'says "live version unknown" with the reason, and the flow is not recorded as live.',
  },
  {
    id: 'publish-success',
    guess: 'A publish answered 200 says in `success` whether it happened.',
    ifWrong:
      '`success: false` is a failed publish (the message is shown); nothing is recorded as ' +
      'live, and the next sync publishes again.',
  },
  {
    id: 'publish-version-moves-pointer',
    guess: 'POST /v1/flow-versions/{flowId}/publish only moves the live pointer to that version.',
    ifWrong:
      'The version the answer names (`versionId`) is recorded as live, not the one asked for, so ' +
      'a copy made live is not taken for a change made elsewhere; after a rollback the remote ' +
      "flow as it is then is the tool's own state, so rolled-back content is not taken for drift.",
  },
  {
    id: 'draft-version-type',
    guess:
      'A pending draft has `versionType: "draft"`; every version of another type than draft, ' +
      'test or virtual (the values of the `type` filter) was published once — whether it ' +
      'keeps `"published"` once another is live is not relied on.',
    ifWrong:
      '`rollback --to previous` and the search for a version holding the code skip versions ' +
      'they do not recognise as published; the core path does not read `versionType`.',
  },
  {
    id: 'version-content',
    guess:
      "A version's `flowConfig` (untyped) is the flow it froze: `flowSteps` or `steps`, steps " +
      'as sent or as a flow response has them, a `name` or none.',
    ifWrong:
      'It is supporting evidence only: a version whose `flowConfig` cannot be read (null, ' +
      'another shape) is shown as "holds the code: unknown" by `versions` and is never made ' +
      'live by the publish settlement.',
  },
  {
    id: 'published-404',
    guess:
      'GET /v1/flow-versions/{flowId}/published answers 404 when nothing is live — no longer ' +
      "relied on: which version is live is read from the versions list's `publishedVersionId` " +
      '(documented: a string, or null when none is).',
    ifWrong: 'Nothing changes: the tool does not read that endpoint.',
  },
  {
    id: 'lost-publish-landed',
    guess:
      'After a publish whose answer was lost, a live version that is the newest version means ' +
      'that publish landed.',
    ifWrong: 'The publish is sent again (at most 4 times); a 404 then is settled as above.',
  },
  {
    id: 'steps-as-sent',
    guess:
      'Steps come back as sent (`name`, `order`, `enabled`, `config`); steps sent with an `id` ' +
      'keep it (the tool always sends ids and compares steps by id).',
    ifWrong:
      "Each write's answer is recorded as the flow's own state, so the tool's writes never look " +
      'like drift; adoption by content then rewrites the flow (one PUT), and a publish is ' +
      'settled by that recorded state when the content cannot be compared.',
  },
  {
    id: 'put-replaces-steps',
    guess:
      "A PUT's `flowSteps` replaces the whole step list, and a step sent without `when` has " +
      'none afterwards.',
    ifWrong:
      'A `when` removed from the code may stay on the remote: after a PUT that should have ' +
      'removed one (known when the flow-steps were read: `--refresh`, or the code uses `when`), ' +
      'the tool reads the steps again and fails that flow saying the API kept it (remove it in ' +
      'the dashboard).',
  },
  {
    id: 'updated-at-moves',
    guess:
      'Every edit of a flow moves its `updatedAt` (listing and flow alike), also one made ' +
      'through the flow-steps endpoints.',
    ifWrong:
      '`status` skips reading flows whose listed `updatedAt` is the one its last write was ' +
      'answered with, so it misses such an edit; `plan --refresh` reads every flow and sees it ' +
      '(flows whose code uses `when` are always read).',
  },
  {
    id: 'flow-steps-ids',
    guess: 'GET /v1/flow-steps/flow/{id} names the steps with the ids GET /v1/flows/{id} gives.',
    ifWrong: 'The `when` of a step it cannot match is unknown, never compared.',
  },
  {
    id: 'listing-covers-account',
    guess: 'GET /v1/flows lists every flow the key can act on.',
    ifWrong:
      'A tracked flow missing from the listing is read by id before it is re-created or (with ' +
      '`--prune`) forgotten: only a 404 does either. An untracked flow the listing leaves out ' +
      'cannot be adopted by name, so a create makes a second one.',
  },
  {
    id: 'search-matches-name',
    guess: '`search` on GET /v1/flows matches at least every flow whose name equals it.',
    ifWrong:
      'Matches are filtered to exact names by the tool; before a create in doubt is sent ' +
      'again the full listing is read too. Only `sync --watch` (which searches instead of ' +
      'listing) could miss an untracked flow of that name and create a second one.',
  },
  {
    id: 'list-page-size',
    guess: 'GET /v1/flows takes `limit=100`.',
    ifWrong:
      'A smaller page is followed by `nextCursor`; a 400 for `limit` is asked again without ' +
      'it (said with `--verbose`). A page without `pagination.hasMore` fails the listing rather ' +
      'than give a partial one.',
  },
  {
    id: 'cursor-direction',
    guess: '`cursor` pages forward without a `direction` (its values are not documented).',
    ifWrong: 'A cursor seen twice fails the listing instead of looping or returning part of it.',
  },
  {
    id: 'description-on-create',
    guess:
      "POST /v1/flows accepts `description` (the document's example sends it; its schema does " +
      'not list it); no response returns it.',
    ifWrong:
      "The create fails with the server's 400 naming the field; remove `description` from the " +
      'flow to deploy it.',
  },
  {
    id: 'validate-read-only',
    guess: 'POST /v1/public/flows/validate writes nothing.',
    ifWrong:
      'Nothing depends on it beyond retries: a 5xx or a lost connection there is retried like ' +
      'a read, and a 500 with the documented `FlowValidationResult` body shows its errors.',
  },
];

/**
 * `versionType` of a pending draft: one of the values the document's `type` filter names
 * (guess `draft-version-type`).
 */
export const DRAFT_VERSION_TYPE = 'draft';

/** `versionType` values that are never a published version (the `type` filter's other values). */
const NEVER_PUBLISHED_TYPES: ReadonlySet<string> = new Set([DRAFT_VERSION_TYPE, 'test', 'virtual']);

/**
 * Whether a version of the list was published once (guess `draft-version-type`); a version of
 * unknown type counts, since only drafts, tests and virtual versions are named otherwise.
 */
export function wasPublished(version: { versionType?: string | undefined }): boolean {
  return version.versionType !== undefined && !NEVER_PUBLISHED_TYPES.has(version.versionType);
}

/** Whether a version is a test or virtual one, which no edit or publish makes (`type` filter). */
export function isSideVersion(version: { versionType?: string | undefined }): boolean {
  return version.versionType === 'test' || version.versionType === 'virtual';
}

/**
 * The content a version's `flowConfig` holds, read in any shape (guess `version-content`): steps
 * under `flowSteps` or `steps`, each with at least `id` and `type`; `name` when it says one;
 * `withWhen` when its steps carry `when` at all (request-shaped). Undefined when unreadable.
 */
export function versionContent(flowConfig: unknown):
  | {
      name?: string;
      flowSteps: { id: string; type: string; when?: unknown }[];
      withWhen: boolean;
    }
  | undefined {
  if (typeof flowConfig !== 'object' || flowConfig === null || Array.isArray(flowConfig)) {
    return undefined;
  }
  const config = flowConfig as Record<string, unknown>;
  const steps = config.flowSteps ?? config.steps;
  if (!Array.isArray(steps) || !steps.every(isStepShaped)) return undefined;
  const withWhen = steps.some((step) => 'when' in step);
  const name = typeof config.name === 'string' ? { name: config.name } : {};
  return { ...name, flowSteps: steps, withWhen };
}

/**
 * The page size asked of GET /v1/flows (guess `list-page-size`): `limit` is a string in the
 * document, with no maximum stated.
 */
export const LIST_PAGE_SIZE = 100;

/** How many times a publish is re-sent after its answer was lost (guess `lost-publish-landed`). */
export const MAX_PUBLISH_ATTEMPTS = 4;

// --- internal ---

function isStepShaped(step: unknown): step is { id: string; type: string; when?: unknown } {
  if (typeof step !== 'object' || step === null) return false;
  const { id, type } = step as { id?: unknown; type?: unknown };
  return typeof id === 'string' && typeof type === 'string';
}
