/**
 * The vendored OpenAPI document as a JSON-Schema validator (ajv, draft 2020-12), for contract
 * tests: does a request body, or a response, follow the document? Errors come back as readable
 * strings (an empty list means valid).
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { isUndocumentedStatus } from './undocumented-statuses.js';

const DOCUMENT_ID = 'https://runtype.local/openapi/runtype-flows.openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed JSON document
export const openApiDocument: any = JSON.parse(
  readFileSync(new URL('../../openapi/runtype-flows.openapi.json', import.meta.url), 'utf8'),
);

/** Options of validateResponse. */
export interface ResponseCheckOptions {
  /**
   * Also refuse fields the document does not name (every object schema with `properties` and
   * no `additionalProperties` is closed). For the emulator, which must
   * answer exactly the documented fields; a client must accept a real API that sends more.
   */
  strict?: boolean;
}

/** Problems of a value against the schema at `ref` (a JSON pointer into the document). */
export type SchemaCheck = (ref: string, value: unknown, what: string, closed?: boolean) => string[];

/**
 * A checker over one OpenAPI document: loose, or strict (`closed`: every object schema that names
 * its properties refuses others). The whole document is one schema; a `ref` points into it, so
 * its own `#/components/...` refs resolve against it.
 */
export function documentChecker(document: object, id: string): SchemaCheck {
  const loose = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  loose.addSchema(document, id);
  const strict = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  strict.addSchema(closeObjects(structuredClone(document), document) as object, id);
  const compiled = new Map<string, ValidateFunction>();
  return (ref, value, what, closed = false) => {
    const key = `${closed ? 'strict' : 'loose'} ${ref}`;
    let validate = compiled.get(key);
    if (validate === undefined) {
      validate = (closed ? strict : loose).compile({ $ref: `${id}${ref}` });
      compiled.set(key, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${what}: ${describeError(e)}`);
  };
}

const check = documentChecker(openApiDocument as object, DOCUMENT_ID);

/**
 * The documented path template of a concrete path (`/v1/flows/abc/publish` ->
 * `/v1/flows/{id}/publish`).
 */
export function matchOperation(method: string, concretePath: string): string | undefined {
  const path = concretePath.split('?')[0]!.replace(/(.)\/$/, '$1');
  const segments = path.split('/');
  const candidates = Object.keys(openApiDocument.paths as object)
    .filter((template) => operationOf(method, template) !== undefined)
    .map((template) => ({ template, parts: template.split('/') }))
    .filter(
      ({ parts }) =>
        parts.length === segments.length && parts.every((p, i) => isParam(p) || p === segments[i]),
    );
  // Literals first: the template with the most literal segments, earliest literal first, wins
  // (`/v1/flow-versions/{flowId}/published` over `/v1/flow-versions/{flowId}/{versionId}`).
  candidates.sort((a, b) => literalRank(b.parts).localeCompare(literalRank(a.parts)));
  return candidates[0]?.template;
}

/** Problems of a request body against the operation's documented requestBody schema. */
export function validateRequestBody(method: string, pathTemplate: string, body: unknown): string[] {
  const operation = operationOf(method, pathTemplate);
  if (operation === undefined)
    return [`${method.toUpperCase()} ${pathTemplate} is not a documented operation`];
  if (operation.requestBody === undefined)
    return body === undefined ? [] : ['the operation documents no request body'];
  return check(
    `${pointer(method, pathTemplate)}/requestBody/content/application~1json/schema`,
    body,
    'request body',
  );
}

/**
 * Problems of a response: a documented (or listed undocumented) status, and a body that fits its
 * schema.
 */
export function validateResponse(
  method: string,
  pathTemplate: string,
  status: number,
  body: unknown,
  options: ResponseCheckOptions = {},
): string[] {
  const closed = options.strict === true;
  const operation = operationOf(method, pathTemplate);
  const where = `${method.toUpperCase()} ${pathTemplate} -> ${status}`;
  if (operation === undefined)
    return [`${method.toUpperCase()} ${pathTemplate} is not a documented operation`];
  const response = operation.responses[String(status)];
  if (response === undefined) {
    if (!isUndocumentedStatus(status))
      return [`${where}: status not documented for this operation`];
    return check(
      '#/components/schemas/Error',
      body,
      `${where} (undocumented status, Error body)`,
      closed,
    );
  }
  if (status === 204 || response.content === undefined) {
    return body === undefined
      ? []
      : [`${where}: must have no body, got ${JSON.stringify(body).slice(0, 200)}`];
  }
  if (response.content['application/json'] === undefined)
    return [`${where}: no JSON body documented`];
  const ref = `${pointer(method, pathTemplate)}/responses/${status}/content/application~1json/schema`;
  return check(ref, body, where, closed);
}

/**
 * Problems of an error body against the documented `Error` schema (for answers to undocumented
 * routes).
 */
export function validateErrorBody(body: unknown, options: ResponseCheckOptions = {}): string[] {
  return check('#/components/schemas/Error', body, 'error body', options.strict === true);
}

/** The `enum` of a documented schema, found by JSON pointer (e.g. the step types). */
export function schemaAt(jsonPointer: string, document: unknown = openApiDocument): unknown {
  return jsonPointer
    .replace(/^#\//, '')
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

// --- internal ---

interface Operation {
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, unknown> } | undefined>;
}

function operationOf(method: string, template: string): Operation | undefined {
  const lower = method.toLowerCase();
  if (!(METHODS as readonly string[]).includes(lower)) return undefined;
  return (openApiDocument.paths as Record<string, Record<string, Operation> | undefined>)[
    template
  ]?.[lower];
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

function literalRank(parts: readonly string[]): string {
  return parts.map((p) => (isParam(p) ? '0' : '1')).join('');
}

function pointer(method: string, template: string): string {
  return `#/paths/${template.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}`;
}

/**
 * Closes every object schema that names its properties (`unevaluatedProperties: false`, which
 * sees through `allOf` and `$ref`). Branches of an `allOf` stay open (the parent is closed
 * instead), and a `$ref` branch is inlined from the original document so the component it
 * names can be closed where it is used alone.
 */
function closeObjects(node: unknown, source: unknown, composed = false): unknown {
  if (Array.isArray(node)) node.forEach((item) => closeObjects(item, source));
  else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (key !== 'allOf' || !Array.isArray(value)) closeObjects(value, source);
      else
        record.allOf = value.map((branch) =>
          closeObjects(openBranch(branch, source), source, true),
        );
    }
    const named = typeof record.properties === 'object' || Array.isArray(record.allOf);
    const open = 'additionalProperties' in record || 'unevaluatedProperties' in record;
    const objectish = record.type === 'object' || record.type === undefined;
    if (named && !open && !composed && objectish) record.unevaluatedProperties = false;
  }
  return node;
}

/**
 * An `allOf` branch: a `$ref` becomes a copy of what it names in the original (unclosed) document.
 */
function openBranch(branch: unknown, source: unknown): unknown {
  const ref = (branch as { $ref?: unknown } | null)?.$ref;
  return typeof ref === 'string' && ref.startsWith('#/')
    ? structuredClone(schemaAt(ref, source))
    : branch;
}

function describeError(e: ErrorObject): string {
  const at = e.instancePath === '' ? '(root)' : e.instancePath.slice(1).replace(/\//g, '.');
  const params = e.params as { allowedValues?: unknown; unevaluatedProperty?: string };
  const extra =
    e.keyword === 'enum'
      ? ` (${JSON.stringify(params.allowedValues)})`
      : e.keyword === 'unevaluatedProperties'
        ? `: ${params.unevaluatedProperty ?? ''}`
        : '';
  return `${at} ${e.message ?? e.keyword}${extra}`;
}
