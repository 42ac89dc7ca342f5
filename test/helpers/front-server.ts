import { createServer, type IncomingMessage } from 'node:http';
import { request } from 'undici';

/** A request as the front sees it (path without the query, query parsed, JSON body if any). */
export interface FrontRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** What the front answers instead of the emulator (undefined: forward the request). */
export type FrontAnswer = { status: number; body?: unknown } | undefined;

/** The emulator's answer, which the front may change before passing it on. */
export interface Forwarded {
  status: number;
  body?: unknown;
}

export interface FrontRules {
  /** Answer before the emulator is asked (nothing reaches it). */
  before?: (req: FrontRequest) => FrontAnswer;
  /** Change the emulator's answer. */
  after?: (req: FrontRequest, answer: Forwarded) => Forwarded;
}

export interface Front {
  /** Base URL without /v1 (as an environment's `url`). */
  url: string;
  close(): Promise<void>;
}

/**
 * A server on 127.0.0.1 in front of an emulator: it forwards every request as is, unless its
 * rules answer instead or change the answer. For the answers the document allows and the
 * emulator never gives (a `limit` refused, `success: false`, a 500 with a documented body, a
 * listing that leaves a flow out).
 */
export async function startFront(target: string, rules: FrontRules): Promise<Front> {
  const server = createServer((req, res) => {
    void (async () => {
      const text = await readText(req);
      const url = new URL(req.url ?? '/', 'http://front');
      const seen: FrontRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      };
      let answer: Forwarded | undefined = rules.before?.(seen);
      if (answer === undefined) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (req.headers.authorization) headers.authorization = req.headers.authorization;
        const forwarded = await request(`${target}${req.url ?? '/'}`, {
          method: seen.method as 'GET',
          headers,
          ...(text === '' ? {} : { body: text }),
        });
        const body = await forwarded.body.text();
        answer = { status: forwarded.statusCode, body: body === '' ? undefined : JSON.parse(body) };
        if (rules.after) answer = rules.after(seen, answer);
      }
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    })().catch((error: unknown) => {
      res.writeHead(599);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// --- internal ---

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
