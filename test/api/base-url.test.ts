import { describe, expect, it } from 'vitest';
import {
  createApiClient,
  InsecureUrlError,
  isLoopbackHost,
  normalizeBaseUrl,
} from '../../src/api/index.js';
import { assertNoSecret, SENTINEL_KEY } from './helpers/client.js';
import { lastPage, sendJson, startTestServer } from './helpers/test-server.js';

describe('normalizeBaseUrl', () => {
  it.each([
    ['https://api.runtype.com', 'https://api.runtype.com/v1'],
    ['https://api.runtype.com/', 'https://api.runtype.com/v1'],
    ['https://api.runtype.com/v1', 'https://api.runtype.com/v1'],
    ['https://api.runtype.com/v1/', 'https://api.runtype.com/v1'],
    ['https://api.runtype.com//v1//', 'https://api.runtype.com/v1'],
    ['  https://API.Runtype.com:443/v1  ', 'https://api.runtype.com/v1'],
    ['https://gateway.example.com/runtype', 'https://gateway.example.com/runtype/v1'],
    ['https://api.runtype.com/v1?x=1#frag', 'https://api.runtype.com/v1'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787/v1'],
    ['http://localhost:8787/v1/', 'http://localhost:8787/v1'],
    ['http://[::1]:8787', 'http://[::1]:8787/v1'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeBaseUrl(input).href).toBe(expected);
  });

  it('splits origin and path prefix', () => {
    expect(normalizeBaseUrl('https://gw.example.com/rt/v1/')).toMatchObject({
      origin: 'https://gw.example.com',
      pathPrefix: '/rt/v1',
      loopback: false,
    });
  });

  it.each(['not a url', 'ftp://api.runtype.com', 'file:///etc/passwd'])(
    'rejects %s as API_INVALID_URL',
    (input) => {
      expect(() => normalizeBaseUrl(input)).toThrow(
        expect.objectContaining({ code: 'API_INVALID_URL' }),
      );
    },
  );

  it('rejects credentials in the URL without echoing them', () => {
    let caught: unknown;
    try {
      normalizeBaseUrl(`https://user:${SENTINEL_KEY}@api.runtype.com`);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'API_INVALID_URL' });
    assertNoSecret(caught);
  });
});

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LOCALHOST', 'localhost.', '127.0.0.1', '127.1.2.3', '[::1]'])(
    '%s is loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each([
    'example.com',
    '127.0.0.1.example.com',
    'localhost.example.com',
    '10.0.0.1',
    '[::2]',
    '128.0.0.1',
  ])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('INSECURE_URL', () => {
  const base = { apiKey: SENTINEL_KEY, userAgent: 'test' };

  it.each([
    'http://example.com',
    'http://example.com:80/v1',
    'http://127.0.0.1.nip.io:8080',
    'http://10.0.0.5',
  ])('refuses plain http to %s before sending anything', (baseUrl) => {
    let caught: unknown;
    try {
      createApiClient({ ...base, baseUrl });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InsecureUrlError);
    expect(caught).toMatchObject({
      code: 'INSECURE_URL',
      hint: expect.stringContaining('https://'),
    });
    assertNoSecret(caught);
  });

  it.each([
    'http://127.0.0.1:9',
    'http://localhost:9',
    'http://[::1]:9',
    'https://example.com',
    'https://api.runtype.com/v1',
  ])('accepts %s', async (baseUrl) => {
    const client = createApiClient({ ...base, baseUrl });
    expect(client.baseUrl).toMatch(/\/v1$/);
    await client.close();
  });

  it('normalises http://2130706433 (127.0.0.1 in decimal) as loopback', async () => {
    const client = createApiClient({ ...base, baseUrl: 'http://2130706433:9' });
    expect(client.baseUrl).toBe('http://127.0.0.1:9/v1');
    await client.close();
  });
});

describe('API key hygiene', () => {
  it('trims a trailing newline from a pasted key', async () => {
    const server = await startTestServer((_req, res) => sendJson(res, 200, lastPage()));
    const client = createApiClient({
      baseUrl: server.url,
      apiKey: `${SENTINEL_KEY}\n`,
      userAgent: 'test',
    });
    try {
      await client.listFlows();
      expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${SENTINEL_KEY}`);
    } finally {
      await client.close();
      await server.close();
    }
  });

  it('refuses a key with inner whitespace or control characters without echoing it', () => {
    let caught: unknown;
    try {
      createApiClient({
        baseUrl: 'https://api.runtype.com',
        apiKey: `${SENTINEL_KEY} extra`,
        apiKeyEnv: 'RUNTYPE_API_KEY',
        userAgent: 'test',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      code: 'API_KEY_INVALID',
      hint: expect.stringContaining('RUNTYPE_API_KEY'),
    });
    assertNoSecret(caught);
  });

  it('refuses a malformed proxy URL without echoing it', () => {
    expect(() =>
      createApiClient({
        baseUrl: 'https://api.runtype.com',
        apiKey: SENTINEL_KEY,
        userAgent: 't',
        proxy: { httpsProxy: 'socks5://u:secret@proxy:1080' },
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'API_INVALID_URL',
        message: expect.not.stringContaining('secret'),
      }),
    );
  });
});
