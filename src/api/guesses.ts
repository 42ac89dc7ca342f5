/**
 * EVERY guess the client makes about the real Runtype API, in one place (the
 * server side's guesses are in src/emulator/assumptions.ts). Each one is
 * something openapi/runtype-flows.openapi.json leaves open; when the real API
 * settles it, correcting the client means editing this file.
 */

/**
 * UNCONFIRMED: how the versions list says "what is live is the latest content":
 * a published version exists and no version of this type is waiting (PUT
 * writes a draft; publish promotes it). The document names the type values
 * published | draft | test | virtual, not what a draft's lifecycle is. Used to
 * settle a publish whose answer was lost, or one answered 404 because there
 * was nothing left to publish.
 */
export const DRAFT_VERSION_TYPE = 'draft';

/** UNCONFIRMED: the versionType of a published version (the document lists the values only). */
export const PUBLISHED_VERSION_TYPE = 'published';

/**
 * UNCONFIRMED: the content of a version. The document leaves `flowConfig` untyped; we read it as
 * the flow it froze, `{ name, flowSteps }` (or `steps`), steps shaped like a flow response's.
 * Undefined when it is not so shaped: such a version is never taken to match the code.
 */
export function versionContent(
  flowConfig: Record<string, unknown> | null | undefined,
): { name: string; flowSteps: { id: string; type: string }[] } | undefined {
  if (!flowConfig || typeof flowConfig.name !== 'string') return undefined;
  const steps = flowConfig.flowSteps ?? flowConfig.steps;
  if (!Array.isArray(steps)) return undefined;
  const shaped = steps.every(
    (step: unknown) =>
      typeof step === 'object' &&
      step !== null &&
      typeof (step as { id?: unknown }).id === 'string' &&
      typeof (step as { type?: unknown }).type === 'string',
  );
  return shaped
    ? { name: flowConfig.name, flowSteps: steps as { id: string; type: string }[] }
    : undefined;
}

/**
 * UNCONFIRMED: the page size asked of GET /v1/flows. `limit` is a string in the
 * document, with no maximum stated; a server that clamps it still pages
 * correctly, since the client follows `nextCursor` while `hasMore`.
 */
export const LIST_PAGE_SIZE = 100;

/*
 * UNCONFIRMED, and relied on without a constant:
 * - `search` on GET /v1/flows matches at least every flow whose name equals it
 *   (substring, maybe case-insensitive): findFlowsByName keeps exact matches.
 * - A 404 from POST /v1/flows/:id/publish on a flow that exists means "no
 *   pending draft" (the document: "flow or draft version not found").
 * - GET /v1/flows/:id returns the latest (draft) steps, not the published ones.
 * - Steps sent with an `id` keep it (the tool always sends ids, so drift and
 *   adoption compare steps by id).
 * - Every edit of a flow's content moves its `updatedAt` (the listing's and the
 *   flow's are the same value): `status` does not read a flow in full whose
 *   listed `updatedAt` equals the one answered to the tool's last write of it
 *   (app/remote-plan.ts). A flow without one, or with another, is read; so is
 *   one with a step `when` (edited through flow-steps), and every flow on
 *   `plan --refresh`.
 */
