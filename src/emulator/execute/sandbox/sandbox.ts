/**
 * Runs user JavaScript (transform-data scripts, `when` and `condition` expressions) in a worker
 * thread, one job at a time, each in a fresh `node:vm` context (worker-source.ts). The worker has
 * `resourceLimits` (the memory limit: going over kills it, and the job fails with reason "memory");
 * the time limit is enforced twice: by the context (`timeout`, for the script's synchronous part)
 * and by terminating the worker a grace period later (what runs after an `await`, or anything else
 * vm cannot interrupt). A worker that died or was killed is replaced by the next job. Idle, the
 * worker does not keep the process alive. Not a security boundary against hostile code (node:vm is
 * not one): it keeps a script from reaching the process, modules, network or files by accident, and
 * bounds its time and memory.
 */
import { Worker } from 'node:worker_threads';
import { WORKER_SOURCE } from './worker-source.js';
import type { SandboxJobMessage, SandboxJobReply } from './worker-source.js';

export interface SandboxLimits {
  timeoutMs: number;
  memoryMb: number;
}

export interface ScriptJob {
  /** A function body: it may `return` a value and `await`. */
  code: string;
  /** Defined as globals (names that are identifiers), and as `input` and `variables`. */
  variables: Record<string, unknown>;
  /** `Date.now()` and `new Date()` inside. */
  now: number;
  /** Seeds `Math.random`. */
  seed: number;
}

export type ScriptOutcome =
  | { ok: true; value: unknown; logs: string[] }
  | {
      ok: false;
      reason: 'error' | 'timeout' | 'memory' | 'unsettled';
      message: string;
      logs: string[];
    };

/** Past the context's own timeout, the worker is terminated this much later. */
const KILL_GRACE_MS = 1000;
const MAX_LOG_CHARS = 16_384;
const MAX_OUTPUT_CHARS = 4 * 1024 * 1024;

export class ScriptSandbox {
  private worker: Worker | undefined;
  private workerMemoryMb = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private closed = false;

  /** Runs one job after those already queued. Rejects only with the signal's reason. */
  run(job: ScriptJob, limits: SandboxLimits, signal?: AbortSignal): Promise<ScriptOutcome> {
    const result = this.queue.then(() => this.runNow(job, limits, signal));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Terminates the worker; later jobs fail. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  // --- internal ---

  private runNow(job: ScriptJob, limits: SandboxLimits, signal?: AbortSignal) {
    signal?.throwIfAborted();
    if (this.closed) throw new Error('the script sandbox is closed');
    const worker = this.workerFor(limits.memoryMb);
    const id = this.nextId++;
    const message: SandboxJobMessage = {
      id,
      code: job.code,
      variablesJson: JSON.stringify(job.variables),
      now: job.now,
      seed: job.seed,
      timeoutMs: limits.timeoutMs,
      maxLogChars: MAX_LOG_CHARS,
      maxOutputChars: MAX_OUTPUT_CHARS,
    };
    return new Promise<ScriptOutcome>((resolve, reject) => {
      const end = (kill: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
        if (kill || this.worker !== worker) this.discard(worker);
        else worker.unref();
      };
      const onMessage = (reply: SandboxJobReply): void => {
        if (reply.id !== id) return;
        end(false);
        resolve(outcomeOf(reply, limits));
      };
      const onError = (error: Error & { code?: string }): void => {
        end(true);
        const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        resolve(
          memory ? memoryOutcome(limits) : failed('error', `the sandbox crashed: ${error.message}`),
        );
      };
      const onExit = (code: number): void => {
        end(true);
        resolve(failed('error', `the sandbox stopped (exit code ${code})`));
      };
      const onAbort = (): void => {
        end(true);
        reject(signal?.reason as Error);
      };
      const timer = setTimeout(() => {
        end(true);
        resolve(timeoutOutcome(limits));
      }, limits.timeoutMs + KILL_GRACE_MS);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.ref();
      worker.postMessage(message);
    });
  }

  private workerFor(memoryMb: number): Worker {
    if (this.worker !== undefined && this.workerMemoryMb === memoryMb) return this.worker;
    if (this.worker !== undefined) this.discard(this.worker);
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      env: {},
      argv: [],
      execArgv: [],
      stdout: true,
      stderr: true,
      resourceLimits: {
        maxOldGenerationSizeMb: memoryMb,
        maxYoungGenerationSizeMb: Math.max(1, Math.min(16, Math.floor(memoryMb / 4))),
        codeRangeSizeMb: 16,
        stackSizeMb: 4,
      },
    });
    // Nothing in the worker writes there; drained so a runtime warning can never block it.
    worker.stdout.resume();
    worker.stderr.resume();
    worker.unref();
    this.worker = worker;
    this.workerMemoryMb = memoryMb;
    return worker;
  }

  private discard(worker: Worker): void {
    if (this.worker === worker) this.worker = undefined;
    void worker.terminate();
  }
}

// --- internal ---

function outcomeOf(reply: SandboxJobReply, limits: SandboxLimits): ScriptOutcome {
  switch (reply.kind) {
    case 'timeout':
      return timeoutOutcome(limits);
    case 'syntax':
      return failed('error', reply.message);
    case 'broken':
      return failed('error', reply.message);
    case 'ran':
      return ranOutcome(reply.state);
  }
}

function ranOutcome(stateJson: string): ScriptOutcome {
  const state = JSON.parse(stateJson) as {
    settled: boolean;
    ok: boolean;
    value: string;
    error: string;
    logs: string[];
    logsCut: boolean;
  };
  const logs = state.logsCut ? [...state.logs, '… (more console output dropped)'] : state.logs;
  if (!state.settled) {
    const message =
      'the script never finished: it awaits something that never happens ' +
      '(the sandbox has no timers, network or I/O)';
    return { ok: false, reason: 'unsettled', message, logs };
  }
  if (!state.ok) return { ok: false, reason: 'error', message: state.error, logs };
  return { ok: true, value: JSON.parse(state.value) as unknown, logs };
}

function timeoutOutcome(limits: SandboxLimits): ScriptOutcome {
  const message = `it ran past its ${limits.timeoutMs} ms time limit and was stopped`;
  return failed('timeout', message);
}

function memoryOutcome(limits: SandboxLimits): ScriptOutcome {
  return failed('memory', `it went over its ${limits.memoryMb} MB memory limit and was stopped`);
}

function failed(reason: 'error' | 'timeout' | 'memory', message: string): ScriptOutcome {
  return { ok: false, reason, message, logs: [] };
}
