/**
 * A handler's answer that is a stream, not one JSON body: the pipeline (server.ts) hands it
 * the response once the request passed auth, faults and validation. `stream` writes the whole
 * answer and resolves with the items it sent when `collect` asks (for the contract hook).
 */
import type { ServerResponse } from 'node:http';
import type { Reply } from '../handlers.js';
import type { ExecuteLimits } from '../execute/limits.js';
import type { ScriptSandbox } from '../execute/sandbox/sandbox.js';

/** What a streamed run needs from the emulator that holds it. */
export interface DispatchRuntime {
  now: () => number;
  sandbox: ScriptSandbox;
  limits: Partial<ExecuteLimits>;
}

export interface StreamReply extends Reply {
  stream: (res: ServerResponse, runtime: DispatchRuntime, collect: boolean) => Promise<unknown[]>;
}

export function isStreamReply(reply: Reply): reply is StreamReply {
  return typeof (reply as Partial<StreamReply>).stream === 'function';
}
