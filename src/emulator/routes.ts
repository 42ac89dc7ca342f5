/** The route table and its matcher (paths relative to /v1). */
import { internalFailure, validateFlow } from './flow-check.js';
import * as d from './dispatch/handlers.js';
import * as h from './handlers.js';
import type { Handler } from './handlers.js';
import * as v from './version-handlers.js';

export interface RouteEntry {
  handler: Handler;
  /** Mutates state: eligible for commit-then-drop. */
  write: boolean;
  /** Reads a JSON body. */
  body: boolean;
  /** Its first parameter must name an existing flow, checked before the body is parsed. */
  flowFirst: boolean;
  /**
   * Its first parameter is a flow id whose malformed form the document answers with 400 "Invalid
   * flow ID" (elsewhere a malformed id is simply not found).
   */
  flowIdFormat?: boolean;
  /** Answered without a key too (documented: authentication optional). */
  open: boolean;
  /** The 500 body when the document gives this route its own (default: the Error body). */
  internalError?: (message: string, authenticated: boolean) => unknown;
}

interface Route {
  /** Literal segments, or ':' for a parameter. */
  pattern: readonly string[];
  methods: Readonly<Record<string, RouteEntry>>;
  /** The methods that do not write (what a read-only emulator allows). */
  reads: readonly string[];
}

const read = (handler: Handler): RouteEntry => ({
  handler,
  write: false,
  body: false,
  flowFirst: false,
  open: false,
});
const write = (handler: Handler, body = true, flowFirst = false): RouteEntry => ({
  handler,
  write: true,
  body,
  flowFirst,
  open: false,
});
/** The same entry, checking the format of its flow id first (400 "Invalid flow ID"). */
const ided = (entry: RouteEntry): RouteEntry => ({ ...entry, flowIdFormat: true });
/** A documented operation the emulator does not implement: 501 (NOT_IMPLEMENTED_ROUTES). */
const missing = (operation: string, writes = false): RouteEntry => ({
  ...read(h.notImplemented(operation)),
  write: writes,
});
/** Reads a body but changes nothing, and needs no key: allowed on a read-only emulator too. */
const check = (handler: Handler, internalError: RouteEntry['internalError']): RouteEntry => ({
  handler,
  write: false,
  body: true,
  flowFirst: false,
  open: true,
  internalError,
});

function defineRoute(
  pattern: readonly string[],
  methods: Readonly<Record<string, RouteEntry>>,
): Route {
  return { pattern, methods, reads: Object.keys(methods).filter((m) => !methods[m]!.write) };
}

/** Reads a body, changes nothing: runs a flow (dispatch). */
const run = (handler: Handler): RouteEntry => ({ ...read(handler), body: true });

/** Literal patterns come before parameter patterns of the same length. */
const ROUTES: readonly Route[] = [
  defineRoute(['flows'], { GET: read(h.listFlows), POST: write(h.createFlow) }),
  defineRoute(['flows', ':'], {
    GET: ided(read(h.getFlow)),
    PUT: ided(write(h.updateFlow, true, true)),
    DELETE: ided(write(h.deleteFlow, false)),
  }),
  // The documented publish takes no body: it is not read.
  defineRoute(['flows', ':', 'publish'], { POST: ided(write(h.publishFlow, false)) }),
  defineRoute(['flows', ':', 'export-runtime'], {
    GET: missing('GET /v1/flows/{id}/export-runtime'),
  }),
  defineRoute(['flows', ':', 'run-on-record-type'], {
    POST: missing('POST /v1/flows/{id}/run-on-record-type', true),
  }),
  defineRoute(['flows', ':', 'step-results'], {
    GET: missing('GET /v1/flows/{id}/step-results'),
  }),
  defineRoute(['flow-versions', ':'], { GET: read(v.listVersions) }),
  defineRoute(['flow-versions', ':', 'published'], { GET: read(v.getPublishedVersion) }),
  defineRoute(['flow-versions', ':', 'publish'], { POST: write(v.publishVersion, true, true) }),
  defineRoute(['flow-versions', ':', ':'], { GET: read(v.getVersion) }),
  defineRoute(['flow-steps', 'flow', ':'], { GET: ided(read(v.listFlowSteps)) }),
  defineRoute(['public', 'flows', 'validate'], { POST: check(validateFlow, internalFailure) }),
  defineRoute(['dispatch'], { POST: run(d.dispatch) }),
  defineRoute(['dispatch', 'approve'], { POST: run(d.notEmulated) }),
  defineRoute(['dispatch', 'continue'], { POST: run(d.notEmulated) }),
  defineRoute(['dispatch', 'resume'], { POST: run(d.notEmulated) }),
];

export type Match =
  | { kind: 'route'; entry: RouteEntry; params: string[]; reads: readonly string[] }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed'; allow: string[] };

function matchPattern(pattern: readonly string[], segments: readonly string[]): string[] | null {
  if (pattern.length !== segments.length) return null;
  const params: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const s = segments[i]!;
    if (p === ':') {
      if (s.length === 0) return null;
      params.push(s);
    } else if (p !== s) return null;
  }
  return params;
}

/**
 * Matches `/v1/...` (the full path, without query). A trailing slash is tolerated.
 * Parameters are percent-decoded; a malformed escape is a 404.
 */
export function matchRoute(method: string, path: string): Match {
  if (!path.startsWith('/v1/')) return { kind: 'not-found' };
  const trimmed = path.length > 4 && path.endsWith('/') ? path.slice(4, -1) : path.slice(4);
  let segments: string[];
  try {
    segments = trimmed.split('/').map(decodeURIComponent);
  } catch {
    return { kind: 'not-found' };
  }
  for (const route of ROUTES) {
    const params = matchPattern(route.pattern, segments);
    if (params === null) continue;
    const entry = route.methods[method];
    if (entry === undefined)
      return { kind: 'method-not-allowed', allow: Object.keys(route.methods) };
    return { kind: 'route', entry, params, reads: route.reads };
  }
  return { kind: 'not-found' };
}
