/**
 * Why a step failed, with the code its `flow_error` carries (dispatch/assumptions.ts,
 * FLOW_ERROR_CODES). Thrown by step handlers; anything else they throw is a bug.
 */
import type { FLOW_ERROR_CODES } from '../dispatch/assumptions.js';

export type StepFailureCode = (typeof FLOW_ERROR_CODES)[
  'stepFailed' | 'notEmulated' | 'timeout' | 'memoryLimit'];

export class StepFailure extends Error {
  readonly code: StepFailureCode;
  constructor(code: StepFailureCode, message: string) {
    super(message);
    this.name = 'StepFailure';
    this.code = code;
  }
}

/** A bound of the whole run was reached (events, steps, time). */
export class RunStopped extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RunStopped';
    this.code = code;
  }
}
