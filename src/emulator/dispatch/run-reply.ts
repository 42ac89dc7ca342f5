/**
 * A handler's answer that runs a flow while it is written (an SSE stream, or one JSON body
 * once the run ended): the pipeline (server.ts) hands it the response once the request passed
 * auth, faults and validation. `write` resolves with what it sent — the stream's items (when
 * `collect` asks, for the contract hook) or the JSON body.
 */
import type { ServerResponse } from 'node:http';
import type { Reply } from '../handlers.js';
import type { ExecuteLimits } from '../execute/limits.js';
import type { ScriptSandbox } from '../execute/sandbox/sandbox.js';

/** What a run needs from the emulator that holds it. */
export interface DispatchRuntime {
  now: () => number;
  sandbox: ScriptSandbox;
  limits: Partial<ExecuteLimits>;
}

export interface Written {
  /** The JSON body sent (a non-streamed answer). */
  body?: unknown;
  /** The items of a stream, in order. */
  items?: unknown[];
}

export interface RunReply extends Reply {
  write: (res: ServerResponse, runtime: DispatchRuntime, collect: boolean) => Promise<Written>;
}

export function isRunReply(reply: Reply): reply is RunReply {
  return typeof (reply as Partial<RunReply>).write === 'function';
}
