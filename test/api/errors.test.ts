import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  ApiForbiddenError,
  ApiNotFoundError,
  ApiServerError,
  ApiUnauthorizedError,
  ApiValidationError,
} from '../../src/api/index.js';
import { RuntypeError } from '../../src/errors.js';
import { closeClients, rejectionOf, SENTINEL_KEY, testClient } from './helpers/client.js';
import { sendJson, startTestServer, type Handler, type TestServer } from './helpers/test-server.js';

let server: TestServer;
let handler: Handler;

beforeEach(async () => {
  server = await startTestServer((req, res, i, raw) => handler(req, res, i, raw));
});
afterEach(async () => {
  await closeClients();
  await server.close();
});

describe('status -> typed error', () => {
  it.each([
    [401, ApiUnauthorizedError, 'API_UNAUTHORIZED'],
    [403, ApiForbiddenError, 'API_FORBIDDEN'],
    [404, ApiNotFoundError, 'API_NOT_FOUND'],
    [400, ApiValidationError, 'API_VALIDATION'],
    [409, ApiValidationError, 'API_VALIDATION'],
    [422, ApiValidationError, 'API_VALIDATION'],
    [402, ApiError, 'API_CLIENT_ERROR'],
    [301, ApiError, 'API_BAD_RESPONSE'],
  ])('%i -> %s (%s), once, with meta', async (status, type, code) => {
    handler = (_req, res) => sendJson(res, status, { error: 'nope' });
    const error = await rejectionOf(testClient(server.url).getFlow('f1'));
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(RuntypeError);
    expect(error).toMatchObject({
      code,
      status,
      ambiguous: false,
      meta: { method: 'GET', path: '/v1/flows/f1', status },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('500 -> ApiServerError (API_SERVER_ERROR) once retries are exhausted', async () => {
    handler = (_req, res) => sendJson(res, 500, { error: 'boom' });
    const error = await rejectionOf(
      testClient(server.url, { retry: { retries: 0 } }).getFlow('f1'),
    );
    expect(error).toBeInstanceOf(ApiServerError);
    expect(error).toMatchObject({
      code: 'API_SERVER_ERROR',
      status: 500,
      meta: { method: 'GET', path: '/v1/flows/f1', status: 500 },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('401 and 403 carry a hint naming the env var that holds the key', async () => {
    handler = (_req, res, i) => sendJson(res, i === 0 ? 401 : 403, {});
    const client = testClient(server.url, { apiKeyEnv: 'STAGING_RUNTYPE_KEY' });
    const unauthorized = await rejectionOf(client.listFlows());
    const forbidden = await rejectionOf(client.listFlows());
    expect((unauthorized as RuntypeError).hint).toContain('STAGING_RUNTYPE_KEY');
    expect((forbidden as RuntypeError).hint).toContain('STAGING_RUNTYPE_KEY');
    expect((forbidden as RuntypeError).hint).toContain('FLOWS:WRITE');
  });

  it('API_VALIDATION keeps the documented details[] (path, code, suggestion) and shows them', async () => {
    const details = [
      {
        code: 'INVALID_ENUM',
        message: 'Invalid step type',
        path: 'steps.0.type',
        suggestion: 'did you mean "prompt"?',
      },
      { code: 'TOO_SHORT', message: 'name must not be empty', path: 'steps.1.name' },
      { message: 'no path or code here' },
      { code: 'IGNORED' },
    ];
    handler = (_req, res) => sendJson(res, 400, { error: 'Validation failed', details });
    const error = await rejectionOf(testClient(server.url).createFlow({ name: 'x', steps: [] }));
    expect(error).toBeInstanceOf(ApiValidationError);
    expect((error as ApiValidationError).details).toEqual(details.slice(0, 3));
    expect((error as Error).message).toBe(
      'Runtype API refused POST /v1/flows (400): Validation failed — steps.0.type: Invalid step type ' +
        '(INVALID_ENUM; did you mean "prompt"?); steps.1.name: name must not be empty (TOO_SHORT); no path or code here',
    );
    expect(error).toMatchObject({
      ambiguous: false,
      meta: { method: 'POST', path: '/v1/flows', details: details.slice(0, 3) },
    });
  });

  it('shows at most five details in the message and keeps them all', async () => {
    const details = Array.from({ length: 7 }, (_, i) => ({
      code: 'TOO_LONG',
      message: 'too long',
      path: `steps.${i}.id`,
    }));
    handler = (_req, res) => sendJson(res, 400, { error: 'Validation failed', details });
    const error = (await rejectionOf(
      testClient(server.url).createFlow({ name: 'x', steps: [] }),
    )) as ApiValidationError;
    expect(error.details).toHaveLength(7);
    expect(error.message).toContain('steps.4.id: too long (TOO_LONG); and 2 more');
    expect(error.message).not.toContain('steps.5.id');
  });

  it.each([
    [{ error: { code: 'CONFLICT', message: 'flow changed remotely' } }, 'flow changed remotely'],
    [{ message: 'bad step type' }, 'bad step type'],
    ['plain text reason', 'plain text reason'],
  ])('reads the server message leniently from %j', async (body, expected) => {
    handler = (_req, res) =>
      typeof body === 'string'
        ? (res.writeHead(422, { 'content-type': 'text/plain' }), res.end(body))
        : sendJson(res, 422, body);
    const error = await rejectionOf(
      testClient(server.url).updateFlow('f1', { name: 'x', steps: [] }),
    );
    expect((error as Error).message).toContain(expected);
  });

  it('redacts the key when the server echoes it back', async () => {
    handler = (req, res) =>
      sendJson(res, 401, {
        error: `invalid key ${String(req.headers.authorization)}`,
        details: [{ message: SENTINEL_KEY, path: SENTINEL_KEY }],
      });
    const error = await rejectionOf(testClient(server.url).getFlow('f1'));
    expect((error as Error).message).toContain('invalid key Bearer [redacted]');
  });

  it('errors serialise to JSON with code, status and meta but no headers', async () => {
    handler = (_req, res) => sendJson(res, 404, { error: 'Flow not found' });
    const error = await rejectionOf(testClient(server.url).getFlow('gone'));
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({
      code: 'API_NOT_FOUND',
      status: 404,
      meta: { method: 'GET', path: '/v1/flows/gone', status: 404 },
    });
    expect(JSON.stringify(json).toLowerCase()).not.toContain('authorization');
  });
});
