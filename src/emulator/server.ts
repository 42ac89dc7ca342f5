/**
 * The request pipeline: route + auth -> fault decision (+ latency) -> body -> handler
 * -> (commit-then-drop) -> answer -> log. Faults apply to every request that passes auth (an
 * authenticated one, or any on an open route such as public validation) in their scope
 * (faults.ts: methods, path prefixes; by default all), whatever its route, and are decided
 * before the handler, so 401s are never faulted and a reset or an injected 429/5xx never
 * touches state.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ERROR_DETAIL_CODES, INVALID_FLOW_ID_MESSAGE, VALIDATION_CODES } from './assumptions.js';
import { errorBody, validationErrorBody } from './error-body.js';
import type { ErrorDetail } from './error-body.js';
import type { FaultInjector } from './faults.js';
import { flowNotFound } from './handlers.js';
import type { Reply } from './handlers.js';
import { isRunReply } from './dispatch/run-reply.js';
import type { DispatchRuntime } from './dispatch/run-reply.js';
import { readBody, sendReply } from './http-util.js';
import { isWellFormedFlowId } from './ids.js';
import type { ReadingRules } from './readings.js';
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
  /** The step types accepted (the API's list plus `extraStepTypes`). */
  stepTypes: ReadonlySet<string>;
  /** What POST /v1/dispatch runs flows with. */
  dispatch: DispatchRuntime;
  /** How the open points of the document are answered (the emulator's reading). */
  rules: ReadingRules;
  /**
   * Test hook: sees every answer sent (not resets or drops), e.g. to check it against the document.
   */
  onResponse?: (info: ResponseInfo) => void;
}

export interface ResponseInfo {
  method: string;
  /** Path without the query string. */
  path: string;
  status: number;
  /** The JSON body sent; undefined when none was (204) or the answer was a stream. */
  body: unknown;
  /** A streamed answer's items (each SSE event's data), in order. */
  items?: unknown[];
}

const BEARER = /^bearer\s+(.+)$/i;

function isAuthorized(header: string | undefined, key: string): boolean {
  if (header === undefined) return false;
  const match = BEARER.exec(header);
  return match !== null && match[1]!.trim() === key;
}

/**
 * Closes the connection without an answer: a FIN, what a server that died after committing sends.
 */
function drop(req: IncomingMessage): void {
  req.socket.destroy();
}

/**
 * Aborts the connection with a TCP RST, so the client sees a real ECONNRESET (not a clean close).
 */
function reset(req: IncomingMessage): void {
  if (req.socket.destroyed) return;
  req.socket.resetAndDestroy();
}

function send(deps: PipelineDeps, res: ServerResponse, entry: RequestLogEntry, reply: Reply): void {
  entry.status = reply.status;
  sendReply(res, reply);
  deps.onResponse?.({
    method: entry.method,
    path: entry.path,
    status: reply.status,
    body: reply.body,
  });
}

type Fail = (
  status: number,
  message: string,
  headers?: Record<string, string>,
  details?: ErrorDetail[],
) => void;

function failer(deps: PipelineDeps, res: ServerResponse, entry: RequestLogEntry): Fail {
  return (status, message, headers, details) => {
    const body = errorBody(message, details);
    send(deps, res, entry, headers === undefined ? { status, body } : { status, body, headers });
  };
}

/** `logged.body` receives the parsed request body, for the log. */
async function handle(
  deps: PipelineDeps,
  req: IncomingMessage,
  res: ServerResponse,
  entry: RequestLogEntry,
  logged: { body?: LoggedBody },
): Promise<void> {
  const fail = failer(deps, res, entry);
  const match = matchRoute(req.method ?? 'GET', entry.path);
  const authenticated = isAuthorized(req.headers.authorization, deps.key);
  entry.authenticated = authenticated;
  // Open routes (public validation) answer without a key; everything else, known or not, needs one.
  if (!authenticated && !(match.kind === 'route' && match.entry.open)) {
    const message =
      req.headers.authorization === undefined
        ? 'Missing Authorization: Bearer <key> header'
        : 'Invalid API key';
    fail(401, message, { 'www-authenticate': 'Bearer realm="runtype-emulator"' });
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
    fail(429, 'Rate limit exceeded (injected)', {
      'retry-after': String(deps.faults.config.retryAfterSeconds),
    });
    return;
  }
  if (fault === 'error-500' || fault === 'error-503') {
    entry.fault = fault;
    const internal = match.kind === 'route' ? match.entry.internalError : undefined;
    if (fault === 'error-503') fail(503, 'Service unavailable (injected)');
    else if (internal === undefined) fail(500, 'Internal server error (injected)');
    else
      send(deps, res, entry, {
        status: 500,
        body: internal('Internal server error (injected)', authenticated),
      });
    return;
  }

  if (match.kind === 'not-found') {
    fail(404, `No route for ${entry.method} ${entry.path}`);
    return;
  }
  if (match.kind === 'method-not-allowed') {
    fail(405, `${entry.method} is not allowed on ${entry.path}`, { allow: match.allow.join(', ') });
    return;
  }
  if (deps.readOnly && match.entry.write) {
    const message =
      'This emulator is read-only (started for a run that only reads its state file): ' +
      `${entry.method} ${entry.path} is refused`;
    fail(405, message, { allow: match.reads.join(', ') }, [
      { code: ERROR_DETAIL_CODES.readOnly, message },
    ]);
    return;
  }

  const id = match.params[0];
  const malformed =
    match.entry.flowIdFormat === true && id !== undefined && !isWellFormedFlowId(id);
  let body: unknown = {};
  if (match.entry.body) {
    const read = await readBody(req, deps.bodyLimit);
    if (read.kind === 'too-large') {
      fail(
        413,
        `Request body exceeds ${deps.bodyLimit} bytes`,
        read.aborted ? { connection: 'close' } : {},
      );
      return;
    }
    if (malformed) {
      fail(400, INVALID_FLOW_ID_MESSAGE);
      return;
    }
    if (match.entry.flowFirst && id !== undefined && deps.store.get(id) === undefined) {
      send(deps, res, entry, flowNotFound(id));
      return;
    }
    if (read.text.length > 0) {
      try {
        body = JSON.parse(read.text);
      } catch (error) {
        const message = `Malformed JSON body: ${(error as Error).message}`;
        fail(400, message, undefined, [{ code: VALIDATION_CODES.invalidJson, message }]);
        return;
      }
    }
    logged.body = { value: body, bytes: read.text.length };
  }

  if (malformed) {
    fail(400, INVALID_FLOW_ID_MESSAGE);
    return;
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
      stepTypes: deps.stepTypes,
      authenticated,
      rules: deps.rules,
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const details = error.issues.map(({ path, ...rest }) =>
      path === '' ? rest : { ...rest, path },
    );
    send(deps, res, entry, { status: 400, body: validationErrorBody(details) });
    return;
  }
  if (isRunReply(reply)) {
    entry.status = reply.status;
    const written = await reply.write(res, deps.dispatch, deps.onResponse !== undefined);
    // Nothing was answered when the client left before a JSON answer was ready.
    if (written.body === undefined && written.items === undefined) return;
    const { method, path } = entry;
    deps.onResponse?.({ method, path, status: 200, body: written.body, items: written.items });
    return;
  }
  if (fault === 'commit-then-drop' && match.entry.write && reply.status < 400) {
    entry.fault = fault;
    drop(req);
    return;
  }
  send(deps, res, entry, reply);
}

export function createRequestListener(deps: PipelineDeps): RequestListener {
  return (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: q === -1 ? url : url.slice(0, q),
      status: 0,
      at: deps.now(),
    };
    if (q !== -1) entry.query = url.slice(q + 1);
    const logged: { body?: LoggedBody } = {};
    handle(deps, req, res, entry, logged)
      .catch((error: unknown) => {
        if (res.headersSent || res.destroyed) {
          drop(req);
          return;
        }
        const message = `Emulator error: ${error instanceof Error ? error.message : String(error)}`;
        send(deps, res, entry, { status: 500, body: errorBody(message) });
      })
      // Logged once handled, when its body is known: a microtask after the answer is written,
      // so no client can read an answer whose entry is not in the log yet.
      .finally(() => deps.log.push(entry, logged.body));
  };
}
