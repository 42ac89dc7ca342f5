/** The bounds of one run (ExecuteOptions.limits; the emulator's `dispatchLimits`). */
export interface ExecuteLimits {
  /** A transform-data script (or a `when` / `condition` expression) is stopped after this. */
  transformTimeoutMs: number;
  /** Heap of the worker that runs scripts; going over stops the script. */
  transformMemoryMb: number;
  /** The stream ends with `flow_error` (event_limit) at this many events, that one included. */
  maxEvents: number;
  /** At most this many steps start (branches included); one more ends the run (step_limit). */
  maxSteps: number;
  /** The whole run ends with `flow_error` (run_timeout) after this, in real time. */
  runTimeoutMs: number;
}

export const DEFAULT_LIMITS: ExecuteLimits = {
  transformTimeoutMs: 5_000,
  transformMemoryMb: 64,
  maxEvents: 10_000,
  maxSteps: 1_000,
  runTimeoutMs: 120_000,
};
