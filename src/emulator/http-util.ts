/** Small node:http helpers: read a bounded body, answer JSON or nothing. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type BodyResult =
  { kind: 'ok'; text: string } | { kind: 'too-large'; received: number; aborted: boolean };

/**
 * Reads the whole request body. Past `limit` bytes the rest is read and discarded (so the
 * client reliably gets a 413 instead of a broken pipe) up to `limit * 16`, after which the
 * read is abandoned and the connection should be closed.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const hardCap = Math.max(limit * 16, 16 * 1024 * 1024);
    const chunks: Buffer[] = [];
    let received = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > limit;
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else if (received > hardCap) {
        req.off('data', onData);
        req.pause();
        resolve({ kind: 'too-large', received, aborted: true });
      }
    };
    req.on('data', onData);
    req.once('end', () => {
      if (tooLarge) resolve({ kind: 'too-large', received, aborted: false });
      else
        resolve({
          kind: 'ok',
          text:
            chunks.length === 1
              ? chunks[0]!.toString('utf8')
              : Buffer.concat(chunks).toString('utf8'),
        });
    });
    req.once('error', reject);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): void {
  const text = JSON.stringify(body);
  // A flat [name, value, ...] list is the cheapest header form node:http accepts.
  const list = [
    'content-type',
    'application/json; charset=utf-8',
    'content-length',
    String(Buffer.byteLength(text)),
  ];
  if (headers !== undefined) for (const name in headers) list.push(name, headers[name]!);
  res.writeHead(status, list);
  res.end(text);
}

/** Answers a handler's reply: JSON, or no body at all (204). */
export function sendReply(
  res: ServerResponse,
  reply: { status: number; body?: unknown; headers?: Record<string, string> },
): void {
  if (reply.body !== undefined) {
    sendJson(res, reply.status, reply.body, reply.headers);
    return;
  }
  const list: string[] = [];
  if (reply.headers !== undefined)
    for (const name in reply.headers) list.push(name, reply.headers[name]!);
  res.writeHead(reply.status, list);
  res.end();
}
