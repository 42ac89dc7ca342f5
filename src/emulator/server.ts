/**
 * The request pipeline: auth -> fault decision (+ latency) -> route -> body -> handler
 * -> (commit-then-drop) -> answer -> log. Faults apply to every AUTHENTICATED request in their
 * scope (faults.ts: methods, path prefixes; by default all), whatever its route, and are decided
 * before routing, so 401s are never faulted and a reset or an injected 429/5xx never touches
 * state.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ERROR_CODES } from './assumptions.js';
import type { FaultInjector } from './faults.js';
import { flowNotFound } from './handlers.js';
import type { Reply } from './handlers.js';
import { errorBody, readBody, sendError, sendJson } from './http-util.js';
import type { LoggedBody, RequestLog, RequestLogEntry } from './request-log.js';
import { matchRoute } from './routes.js';
import type { FlowStore } from './store.js';
import { InputError } from './validate.js';

export interface PipelineDeps {
  store: FlowStore;
  faults: FaultInjector;
  log: RequestLog;
  key: string;
  bodyLimit: number;
  now: () => number;
  /** Base URL without /v1 (known once listening). */
  baseUrl: () => string;
  /** True once close() began: a request still in flight (latency, slow body) must not apply. */
  isClosed: () => boolean;
  /** Refuse every write route (405 EMULATOR_READ_ONLY). */
  readOnly: boolean;
}

const BEARER = /^bearer\s+(.+)$/i;

function isAuthorized(header: string | undefined, key: string): boolean {
  if (header === undefined) return false;
  const match = BEARER.exec(header);
  return match !== null && match[1]!.trim() === key;
}

/** Closes the connection without an answer: a FIN, what a server that died after committing sends. */
function drop(req: IncomingMessage): void {
  req.socket.destroy();
}

/** Aborts the connection with a TCP RST, so the client sees a real ECONNRESET (not a clean close). */
function reset(req: IncomingMessage): void {
  if (req.socket.destroyed) return;
  req.socket.resetAndDestroy();
}

function send(res: ServerResponse, entry: RequestLogEntry, reply: Reply): void {
  entry.status = reply.status;
  sendJson(res, reply.status, reply.body, reply.headers);
}

function fail(res: ServerResponse, entry: RequestLogEntry, status: number, code: Parameters<typeof errorBody>[0], message: string, headers?: Record<string, string>): void {
  send(res, entry, headers === undefined ? { status, body: errorBody(code, message) } : { status, body: errorBody(code, message), headers });
}

/** `logged.body` receives the parsed request body, for the log. */
async function handle(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry, logged: { body?: LoggedBody }): Promise<void> {
  if (!isAuthorized(req.headers.authorization, deps.key)) {
    const message = req.headers.authorization === undefined ? 'Missing Authorization: Bearer <key> header' : 'Invalid API key';
    fail(res, entry, 401, ERROR_CODES.unauthorized, message, { 'www-authenticate': 'Bearer realm="runtype-emulator"' });
    return;
  }
  const decision = deps.faults.decide(entry.method, entry.path);
  if (decision.delayMs > 0) await sleep(decision.delayMs);
  const { fault } = decision;
  if (fault === 'reset') {
    entry.fault = fault;
    reset(req);
    return;
  }
  if (fault === 'rate-limit') {
    entry.fault = fault;
    const retryAfter = String(deps.faults.config.retryAfterSeconds);
    fail(res, entry, 429, ERROR_CODES.rateLimited, 'Rate limit exceeded (injected)', { 'retry-after': retryAfter });
    return;
  }
  if (fault === 'error-500' || fault === 'error-503') {
    entry.fault = fault;
    if (fault === 'error-500') fail(res, entry, 500, ERROR_CODES.internal, 'Internal server error (injected)');
    else fail(res, entry, 503, ERROR_CODES.unavailable, 'Service unavailable (injected)');
    return;
  }

  const match = matchRoute(req.method ?? 'GET', entry.path);
  if (match.kind === 'not-found') {
    fail(res, entry, 404, ERROR_CODES.notFound, `No route for ${entry.method} ${entry.path}`);
    return;
  }
  if (match.kind === 'method-not-allowed') {
    fail(res, entry, 405, ERROR_CODES.methodNotAllowed, `${entry.method} is not allowed on ${entry.path}`, { allow: match.allow.join(', ') });
    return;
  }
  if (deps.readOnly && match.entry.write) {
    const message = `This emulator is read-only (started for a run that only reads its state file): ${entry.method} ${entry.path} is refused`;
    fail(res, entry, 405, ERROR_CODES.readOnly, message, { allow: match.reads.join(', ') });
    return;
  }

  let body: unknown = {};
  if (match.entry.body) {
    const read = await readBody(req, deps.bodyLimit);
    if (read.kind === 'too-large') {
      const headers: Record<string, string> = read.aborted ? { connection: 'close' } : {};
      fail(res, entry, 413, ERROR_CODES.payloadTooLarge, `Request body exceeds ${deps.bodyLimit} bytes`, headers);
      return;
    }
    const id = match.params[0];
    if (match.entry.flowFirst && id !== undefined && deps.store.get(id) === undefined) {
      send(res, entry, flowNotFound(id));
      return;
    }
    if (read.text.length > 0) {
      try {
        body = JSON.parse(read.text);
      } catch (error) {
        fail(res, entry, 400, ERROR_CODES.invalidJson, `Malformed JSON body: ${(error as Error).message}`);
        return;
      }
    }
    logged.body = { value: body, bytes: read.text.length };
  }

  // The one place state changes: past close() nothing may be applied (the socket is gone).
  if (deps.isClosed()) {
    drop(req);
    return;
  }
  let reply: Reply;
  try {
    reply = match.entry.handler({
      store: deps.store,
      baseUrl: deps.baseUrl(),
      query: new URLSearchParams(entry.query),
      body,
      params: match.params,
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    sendError(res, 400, ERROR_CODES.validation, error.message, { details: { field: error.field } });
    entry.status = 400;
    return;
  }
  if (fault === 'commit-then-drop' && match.entry.write && reply.status < 400) {
    entry.fault = fault;
    drop(req);
    return;
  }
  send(res, entry, reply);
}

export function createRequestListener(deps: PipelineDeps): RequestListener {
  return (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const entry: RequestLogEntry = { method: req.method ?? 'GET', path: q === -1 ? url : url.slice(0, q), status: 0, at: deps.now() };
    if (q !== -1) entry.query = url.slice(q + 1);
    const logged: { body?: LoggedBody } = {};
    handle(deps, req, res, entry, logged)
      .catch((error: unknown) => {
        if (res.headersSent || res.destroyed) {
          drop(req);
          return;
        }
        entry.status = 500;
        sendError(res, 500, ERROR_CODES.internal, `Emulator error: ${error instanceof Error ? error.message : String(error)}`);
      })
      // Logged once handled, when its body is known: a microtask after the answer is written,
      // so no client can read an answer whose entry is not in the log yet.
      .finally(() => deps.log.push(entry, logged.body));
  };
}
