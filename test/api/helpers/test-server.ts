import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A scripted HTTP server on 127.0.0.1:0. Each test decides what every request
 * gets back; the server records what it received and how many requests were
 * open at once (to check the client's concurrency bound from the outside).
 */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** ms since the server started. */
  at: number;
}

export type Handler = (
  req: RecordedRequest,
  res: ServerResponse,
  index: number,
  raw: IncomingMessage,
) => unknown;

export interface TestServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  readonly maxConcurrent: number;
  close(): Promise<void>;
}

export async function startTestServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const started = Date.now();
  let open = 0;
  let maxConcurrent = 0;
  const server = createServer((raw, res) => {
    open += 1;
    maxConcurrent = Math.max(maxConcurrent, open);
    res.on('close', () => {
      open -= 1;
    });
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      const recorded: RecordedRequest = {
        method: raw.method ?? '',
        url: raw.url ?? '',
        headers: raw.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now() - started,
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded, res, requests.length - 1, raw)).catch((error: unknown) => {
        res.statusCode = 599;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get maxConcurrent() {
      return maxConcurrent;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

/** A port on 127.0.0.1 with nothing listening: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A documented GET /v1/flows page holding `data`, the last one. */
export function lastPage(data: unknown[] = []): Record<string, unknown> {
  const pagination = {
    nextCursor: null,
    prevCursor: null,
    hasMore: false,
    hasPrev: false,
    limit: 100,
    currentOffset: 0,
  };
  return { data, pagination };
}
