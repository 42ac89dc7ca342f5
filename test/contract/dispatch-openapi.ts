/**
 * The vendored dispatch document (openapi/runtype-dispatch.openapi.json) as a validator: each
 * event of a stream against its `DispatchSSEEvent` member (chosen by `type`; strict means
 * exactly the documented fields), and the answers of the dispatch paths (their statuses and the
 * Error body). openapi.ts does the same for the flows document.
 */
import { readFileSync } from 'node:fs';
import { documentChecker } from './openapi.js';
import { isUndocumentedStatus } from './undocumented-statuses.js';

const DOCUMENT_ID = 'https://runtype.local/openapi/runtype-dispatch.openapi.json';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed JSON document
export const dispatchDocument: any = JSON.parse(
  readFileSync(new URL('../../openapi/runtype-dispatch.openapi.json', import.meta.url), 'utf8'),
);

const checkSchema = documentChecker(dispatchDocument as object, DOCUMENT_ID);

/** Statuses the emulator's dispatch routes answer that the document does not list. */
export const DISPATCH_UNDOCUMENTED_STATUSES: Readonly<Record<number, string>> = {
  404: 'flowMode "existing" naming no stored flow (the document lists no 404 for dispatch).',
  501: 'Emulator only: what it does not run (upsert/create, agents, resume/continue/approve).',
};

const members = dispatchDocument.components.schemas.DispatchSSEEvent.anyOf as {
  properties: { type: { enum: string[] } };
}[];

/** The event types of the document that belong to flows (every member but `agent_*`). */
export const FLOW_EVENT_TYPES: readonly string[] = members
  .map((m) => m.properties.type.enum[0]!)
  .filter((type) => !type.startsWith('agent_'));

/** Problems of one stream event (strict: only documented fields; default loose). */
export function validateFlowEvent(event: unknown, options: { strict?: boolean } = {}): string[] {
  const type = (event as { type?: unknown } | null)?.type;
  const index = members.findIndex((m) => m.properties.type.enum.includes(String(type)));
  if (typeof type !== 'string' || index === -1)
    return [`event type ${JSON.stringify(type)} is not in DispatchSSEEvent`];
  if (!FLOW_EVENT_TYPES.includes(type)) return [`event type "${type}" is not a flow event`];
  const where = `${type} event`;
  return check(`#/components/schemas/DispatchSSEEvent/anyOf/${index}`, event, where, options);
}

/** The documented path of a concrete dispatch path, if it is one. */
export function matchDispatchPath(method: string, path: string): string | undefined {
  const bare = path.split('?')[0]!.replace(/(.)\/$/, '$1');
  return method.toUpperCase() === 'POST' && bare in dispatchDocument.paths ? bare : undefined;
}

/**
 * Problems of an answer of a dispatch path: a 200 must be a stream whose every item is a
 * documented flow event; any other status documented (or listed) with the Error body.
 */
export function validateDispatchAnswer(
  path: string,
  status: number,
  body: unknown,
  items: readonly unknown[] | undefined,
): string[] {
  const where = `POST ${path} -> ${status}`;
  const responses = dispatchDocument.paths[path].post.responses as Record<string, unknown>;
  if (status === 200) {
    if (items !== undefined) return checkEvents(items, `${where} item`);
    // The JSON answer (streamResponse: false) has no schema in the document: its events are
    // checked, and its other fields are the guessed summary (dispatch/assumptions.ts).
    const answer = body as { events?: unknown } | null;
    if (typeof answer !== 'object' || answer === null || !Array.isArray(answer.events))
      return [`${where}: a JSON answer must be an object with its events`];
    const unknown = Object.keys(answer).filter((key) => !JSON_ANSWER_FIELDS.includes(key));
    return [
      ...unknown.map((key) => `${where}: JSON answer field "${key}" is not in the guessed shape`),
      ...checkEvents(answer.events, `${where} events`),
    ];
  }
  const listed =
    Object.hasOwn(DISPATCH_UNDOCUMENTED_STATUSES, status) || isUndocumentedStatus(status);
  if (responses[String(status)] === undefined && !listed)
    return [`${where}: status not documented for this operation`];
  return check('#/components/schemas/Error', body, where, { strict: true });
}

// --- internal ---

/** The guessed JSON answer's fields (src/emulator/dispatch/json-answer.ts). */
const JSON_ANSWER_FIELDS = [
  'success',
  'executionId',
  'flowId',
  'finalOutput',
  'output',
  'error',
  'totalTokensUsed',
  'duration',
  'events',
];

function checkEvents(items: readonly unknown[], where: string): string[] {
  return items.flatMap((item, i) =>
    validateFlowEvent(item, { strict: true }).map((p) => `${where} ${i}: ${p}`),
  );
}

function check(ref: string, value: unknown, what: string, options: { strict?: boolean }): string[] {
  return checkSchema(ref, value, what, options.strict === true);
}
