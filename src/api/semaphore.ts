/**
 * FIFO limiter for requests in flight. Held only while a request is on the
 * wire (not during retry back-off), so one slow retry does not stall others.
 */
export interface Semaphore {
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Highest number of tasks that ever ran at once. */
  readonly maxActive: number;
}

export function createSemaphore(limit: number): Semaphore {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`concurrency must be a positive integer (got ${limit})`);
  let active = 0;
  let maxActive = 0;
  const waiting: Array<() => void> = [];

  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  }

  function acquire(signal: AbortSignal | undefined): Promise<void> {
    if (active < limit) {
      active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      // The slot is handed over directly by release(), so `active` stays put.
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        const index = waiting.indexOf(grant);
        if (index !== -1) waiting.splice(index, 1);
        reject(new Error('aborted while waiting for a request slot', { cause: signal?.reason }));
      };
      waiting.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  return {
    async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      signal?.throwIfAborted();
      await acquire(signal);
      maxActive = Math.max(maxActive, active);
      try {
        return await task();
      } finally {
        release();
      }
    },
    get maxActive() {
      return maxActive;
    },
  };
}
