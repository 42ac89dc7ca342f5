/**
 * Why a step failed, or the run stopped, with the code its `flow_error` carries
 * (dispatch/assumptions.ts, FLOW_ERROR_CODES). Step handlers throw StepFailure; anything else
 * they throw is a bug.
 */
import type { FLOW_ERROR_CODES } from '../dispatch/assumptions.js';

type FlowErrorCode = (typeof FLOW_ERROR_CODES)[keyof typeof FLOW_ERROR_CODES];

abstract class CodedError<Code extends FlowErrorCode> extends Error {
  readonly code: Code;
  constructor(code: Code, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

export type StepFailureCode = (typeof FLOW_ERROR_CODES)[
  'stepFailed' | 'notEmulated' | 'timeout' | 'memoryLimit'];

export class StepFailure extends CodedError<StepFailureCode> {}

/** A bound of the whole run was reached (steps, time). */
export class RunStopped extends CodedError<
  (typeof FLOW_ERROR_CODES)['stepLimit' | 'runTimeout' | 'eventLimit']
> {}
