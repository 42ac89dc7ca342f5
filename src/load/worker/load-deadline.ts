/** How long a load may take, and where that number came from (said in the message). */
export interface LoadDeadline {
  ms: number;
  /** "RUNTYPE_LOAD_TIMEOUT_MS", "RUNTYPE_LOAD_TIMEOUT_MS in .env", "loadTimeoutMs in ...". */
  from: string;
}

/** Loading the config and every flow module may take this long by default. */
export const DEFAULT_LOAD_DEADLINE: LoadDeadline = { ms: 10_000, from: 'the default' };
