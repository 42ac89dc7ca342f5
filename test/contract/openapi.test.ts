/** The contract helper itself: path matching, statuses, empty bodies, strictness. */
import { describe, expect, it } from 'vitest';
import { checkResponse } from './checked-emulator.js';
import { matchOperation, validateRequestBody, validateResponse } from './openapi.js';
import { UNDOCUMENTED_STATUSES } from './undocumented-statuses.js';

describe('matchOperation', () => {
  it.each([
    ['GET', '/v1/flows', '/v1/flows'],
    ['GET', '/v1/flows/', '/v1/flows'],
    ['POST', '/v1/flows/abc/publish', '/v1/flows/{id}/publish'],
    ['GET', '/v1/flow-versions/f/published', '/v1/flow-versions/{flowId}/published'],
    ['POST', '/v1/flow-versions/f/publish', '/v1/flow-versions/{flowId}/publish'],
    ['GET', '/v1/flow-versions/f/flowver_1', '/v1/flow-versions/{flowId}/{versionId}'],
    ['GET', '/v1/flow-steps/flow/f?x=1', '/v1/flow-steps/flow/{flowId}'],
  ])('%s %s -> %s', (method, path, template) => {
    expect(matchOperation(method, path)).toBe(template);
  });

  it('finds nothing for an undocumented route or method', () => {
    expect(matchOperation('GET', '/v1/agents')).toBeUndefined();
    expect(matchOperation('PATCH', '/v1/flows/x')).toBeUndefined();
    expect(matchOperation('GET', '/v1/flows/x/publish')).toBeUndefined();
  });
});

describe('validateResponse', () => {
  it('refuses a status the operation does not document, unless listed as undocumented', () => {
    expect(validateResponse('DELETE', '/v1/flows/{id}', 200, { success: true })).toEqual([
      'DELETE /v1/flows/{id} -> 200: status not documented for this operation',
    ]);
    expect(Object.keys(UNDOCUMENTED_STATUSES).map(Number)).toEqual([
      405, 413, 429, 501, 502, 503, 504,
    ]);
    expect(validateResponse('GET', '/v1/flows', 503, { error: 'down' })).toEqual([]);
    expect(validateResponse('GET', '/v1/flows', 503, { message: 'down' })).not.toEqual([]);
  });

  it('requires no body on 204', () => {
    expect(validateResponse('DELETE', '/v1/flows/{id}', 204, undefined)).toEqual([]);
    expect(validateResponse('DELETE', '/v1/flows/{id}', 204, {})).toHaveLength(1);
  });

  it('is loose by default and refuses undocumented fields when strict', () => {
    const body = { error: 'Flow x not found', code: 'NOT_FOUND' };
    expect(validateResponse('GET', '/v1/flows/{id}', 404, body)).toEqual([]);
    expect(validateResponse('GET', '/v1/flows/{id}', 404, body, { strict: true })).toEqual([
      'GET /v1/flows/{id} -> 404: (root) must NOT have unevaluated properties: code',
    ]);
    // allOf compositions stay valid in strict mode (Error plus a documented extra field).
    const composed = { error: 'bad', code: 'X' };
    expect(
      validateResponse('POST', '/v1/public/flows/validate', 400, composed, { strict: true }),
    ).toEqual([]);
  });

  it('checks answers to undocumented routes as Error bodies', () => {
    expect(
      checkResponse({
        method: 'GET',
        path: '/v1/agents',
        status: 404,
        body: { error: 'No route' },
      }),
    ).toEqual([]);
    expect(
      checkResponse({ method: 'GET', path: '/v1/agents', status: 200, body: {} }),
    ).toHaveLength(1);
  });
});

describe('validateRequestBody', () => {
  it('names each problem with its path', () => {
    const problems = validateRequestBody('POST', '/v1/flows', {
      name: '',
      steps: [{ type: 'nope', name: 'a' }],
    });
    expect(problems.join('\n')).toMatch(/name must NOT have fewer than 1 characters/);
    expect(problems.join('\n')).toMatch(
      /steps\.0\.type must be equal to one of the allowed values/,
    );
    expect(
      validateRequestBody('POST', '/v1/flows', { name: 'ok', description: 'd', junk: 1 }),
    ).toEqual([]);
  });
});
