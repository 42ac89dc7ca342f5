import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveProxyUrl, type ProxyTarget } from '../../src/api/proxy.js';
import { closeClients, rejectionOf, testClient } from './helpers/client.js';
import { lastPage, sendJson, startTestServer } from './helpers/test-server.js';

const https = (hostname: string, port = ''): ProxyTarget => ({
  protocol: 'https:',
  hostname,
  port,
  loopback: false,
});
const PROXY = 'http://proxy.corp:3128';

describe('resolveProxyUrl', () => {
  it('uses HTTPS_PROXY for https and HTTP_PROXY for http', () => {
    const proxy = { httpsProxy: PROXY, httpProxy: 'http://other:1' };
    expect(resolveProxyUrl(https('api.runtype.com'), proxy)).toBe(PROXY);
    expect(
      resolveProxyUrl({ protocol: 'http:', hostname: 'h', port: '', loopback: false }, proxy),
    ).toBe('http://other:1');
    expect(resolveProxyUrl(https('api.runtype.com'), { httpProxy: PROXY })).toBeUndefined();
    expect(resolveProxyUrl(https('api.runtype.com'), undefined)).toBeUndefined();
  });

  it('never proxies loopback', () => {
    expect(
      resolveProxyUrl({ ...https('127.0.0.1'), loopback: true }, { httpsProxy: PROXY }),
    ).toBeUndefined();
  });

  it.each([
    ['runtype.com', true],
    ['.runtype.com', true],
    ['*.runtype.com', true],
    ['api.runtype.com', true],
    ['API.RUNTYPE.COM', true],
    ['*', true],
    ['example.com, runtype.com', true],
    ['runtype.com:443', true],
    ['runtype.com:8443', false],
    ['pi.runtype.com', false],
    ['untype.com', false],
    ['', false],
  ])('NO_PROXY=%j excludes api.runtype.com: %s', (noProxy, excluded) => {
    const result = resolveProxyUrl(https('api.runtype.com'), { httpsProxy: PROXY, noProxy });
    expect(result).toBe(excluded ? undefined : PROXY);
  });

  it('matches bracketed IPv6 entries', () => {
    expect(
      resolveProxyUrl(https('[fd00::1]'), { httpsProxy: PROXY, noProxy: '[fd00::1]' }),
    ).toBeUndefined();
  });
});

describe('proxy wiring', () => {
  afterEach(closeClients);

  it.each(['http://', ''])(
    'tunnels an https base URL through HTTPS_PROXY=%s127.0.0.1:port (CONNECT)',
    async (scheme) => {
      const connects: string[] = [];
      const proxy = createServer();
      proxy.on('connect', (req, socket) => {
        connects.push(req.url ?? '');
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      const { port } = proxy.address() as AddressInfo;
      try {
        const client = testClient('https://api.runtype.invalid', {
          proxy: { httpsProxy: `${scheme}127.0.0.1:${port}` },
          retry: { retries: 0 },
        });
        const error = await rejectionOf(client.getFlow('f1'));
        expect(error).toMatchObject({ code: 'API_NETWORK' });
        expect(connects).toEqual(['api.runtype.invalid:443']);
      } finally {
        proxy.closeAllConnections();
        await new Promise<void>((resolve) => proxy.close(() => resolve()));
      }
    },
  );

  it('goes straight to a loopback API even when a proxy is configured', async () => {
    const server = await startTestServer((_req, res) => sendJson(res, 200, lastPage()));
    try {
      const client = testClient(server.url, {
        proxy: { httpProxy: 'http://127.0.0.1:1', httpsProxy: 'http://127.0.0.1:1' },
      });
      await expect(client.listFlows()).resolves.toEqual([]);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
