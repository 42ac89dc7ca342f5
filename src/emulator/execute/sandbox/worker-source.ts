/**
 * The sandbox worker's program, as source text (a worker started with `eval: true` runs it; a
 * string works from the TypeScript sources under vitest and from dist/ alike). One job at a time: a
 * fresh `node:vm` context per job (no `process`, `require`, `import()`, timers, network or files: a
 * context has only the language's built-ins), code generation from strings refused. Only primitives
 * cross into and out of the context (see context-prelude.ts). Strict mode throughout, so no
 * function of this thread leaks its `this` or itself through a stack trace. The worker itself runs
 * with `resourceLimits` (the memory limit) and is terminated by its host when a job overruns
 * (sandbox.ts).
 */
import { CONTEXT_PRELUDE } from './context-prelude.js';

/** What the host posts: one job. */
export interface SandboxJobMessage {
  id: number;
  /** The script's body: it may `return` a value and `await`. */
  code: string;
  variablesJson: string;
  now: number;
  seed: number;
  timeoutMs: number;
  maxLogChars: number;
  maxOutputChars: number;
}

/** What the worker posts back. `state` is the context's JSON (see context-prelude.ts). */
export type SandboxJobReply =
  | { id: number; kind: 'ran'; state: string }
  | { id: number; kind: 'timeout' }
  | { id: number; kind: 'syntax'; message: string }
  | { id: number; kind: 'broken'; message: string };

export const WORKER_SOURCE = `'use strict';
const { parentPort } = require('node:worker_threads');
const vm = require('node:vm');
const PRELUDE = new vm.Script(${JSON.stringify(CONTEXT_PRELUDE)}, { filename: 'sandbox-prelude' });

parentPort.on('message', (job) => {
  run(job).then((reply) => parentPort.postMessage(reply));
});

async function run(job) {
  const id = job.id;
  const context = vm.createContext(Object.create(null), {
    name: 'transform-data',
    codeGeneration: { strings: false, wasm: false },
  });
  let read;
  try {
    const setup = PRELUDE.runInContext(context, { timeout: job.timeoutMs });
    read = setup(job.variablesJson, job.now, job.seed, job.maxLogChars, job.maxOutputChars);
  } catch (error) {
    return { id, kind: 'broken', message: 'the sandbox did not start: ' + hostMessage(error) };
  }
  let script;
  try {
    script = new vm.Script('__runtype_finish((async function () {\\n' + job.code + '\\n})());', {
      filename: 'transform-data',
      lineOffset: -1,
    });
  } catch (error) {
    return { id, kind: 'syntax', message: hostMessage(error) };
  }
  const started = Date.now();
  try {
    script.runInContext(context, { timeout: job.timeoutMs });
  } catch (error) {
    // The timeout error belongs to the context's realm, like anything the script could throw
    // past its own function (by closing the wrapper): told apart by time, never read.
    if (Date.now() - started >= job.timeoutMs) return { id, kind: 'timeout' };
    return { id, kind: 'broken', message: 'the script threw outside its function body' };
  }
  // The script's promise jobs run on this thread's microtask queue (a context's own queue,
  // microtaskQueue: 'afterEvaluate', does not drain them on Node 20): one macrotask later they
  // all ran, or they never end and the host terminates this worker at its deadline.
  await new Promise((resolve) => setImmediate(resolve));
  try {
    const state = read();
    if (typeof state !== 'string') throw new TypeError('no outcome');
    return { id, kind: 'ran', state };
  } catch {
    return { id, kind: 'broken', message: 'the script tampered with the sandbox' };
  }
}

/** An error of this thread's own realm (a context's value is never touched here). */
function isHostError(error) {
  return error instanceof Error;
}

function hostMessage(error) {
  if (!isHostError(error)) return 'an unexpected value was thrown';
  const where = /transform-data:(\\d+)/.exec(String(error.stack));
  const line = where ? ' (line ' + where[1] + ')' : '';
  return String(error.name) + ': ' + String(error.message) + line;
}
`;
