/**
 * A dispatch request checked and normalised into what the runner walks: steps with ids,
 * defaults and their conditional branches parsed, inputs, record and messages. Every problem
 * of the body is collected (a 400 names them all); a request the emulator cannot run for
 * another reason is a `DispatchRefused` with its status.
 */
import type { ErrorDetail } from '../error-body.js';

export interface RunStep {
  id: string;
  name: string;
  type: string;
  config: Record<string, unknown>;
  when?: string;
  /** Where the step is in the request (`flow.steps.2.config.trueSteps.0`), for messages. */
  path: string;
  /** A conditional's branches, parsed. */
  branches?: { trueSteps: RunStep[]; falseSteps: RunStep[] };
}

export interface RunFlow {
  id: string;
  name: string;
  /** Enabled steps only, in order (a disabled step is not run and emits nothing). */
  steps: RunStep[];
}

export interface RunInput {
  flow: RunFlow;
  inputs: Record<string, unknown>;
  record?: { id?: string; name?: string; type?: string; metadata: Record<string, unknown> };
  messages: { role: string; content: unknown }[];
  modelOverride?: string;
  /** `options.streamResponse` (default true). */
  stream: boolean;
  /** Outputs supplied by step id in the body (`emulator.stepOutputs`, emulator only). */
  stepOutputs?: Record<string, unknown>;
  /** The request as given, for the digest that seeds ids and randomness. */
  fingerprint: string;
}

/** A request the emulator will not run: 404 (no such flow), 422 (no definition), 501. */
export class DispatchRefused extends Error {
  readonly status: 404 | 422 | 501;
  readonly detail: ErrorDetail;
  constructor(status: 404 | 422 | 501, detail: ErrorDetail) {
    super(detail.message);
    this.name = 'DispatchRefused';
    this.status = status;
    this.detail = detail;
  }
}
