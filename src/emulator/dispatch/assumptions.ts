/**
 * EVERY guess the emulator makes about running flows (POST /v1/dispatch and its stream). The
 * document (openapi/runtype-dispatch.openapi.json) settles the paths, the statuses, the Error
 * body and each stream event's fields; the request body is untyped there, known only from its
 * 25 examples. Each entry below is what it leaves open, tagged UNCONFIRMED, so correcting the
 * emulator once the real API is observed means editing this file. (The flows endpoints' guesses
 * are in ../assumptions.ts.)
 */
import { createHash } from 'node:crypto';

/** `details[0].code` of dispatch refusals. UNCONFIRMED (the document gives them no details). */
export const DISPATCH_DETAIL_CODES = {
  /** 422, documented as "Flow definition required": a virtual dispatch without `flow.steps`. */
  definitionRequired: 'FLOW_DEFINITION_REQUIRED',
  /** 404 (undocumented for dispatch): `flowMode: "existing"` naming no stored flow. */
  flowNotFound: 'FLOW_NOT_FOUND',
  /** 501, emulator only: a request the emulator does not run (see NOT_EMULATED_REQUESTS). */
  notEmulated: 'NOT_EMULATED',
} as const;

/*
 * NOT_EMULATED_REQUESTS. Emulator limits on what it runs, answered 501 with the Error body:
 * `flowMode` "upsert" and "create" (they store a flow), `recordMode` "existing" and "create"
 * (records are not emulated), agent dispatch (`agent` without `flow`), and POST
 * /v1/dispatch/resume, /continue and /approve (nothing ever pauses: no step awaits a local tool or
 * an approval).
 */

/*
 * EMULATOR_EXTENSION. Emulator only, not an API field: a body may carry `emulator: {
 * stepOutputs: { <step id>: <output> } }`, outputs used instead of running those steps (what
 * `executeFlow`'s `stepOutputs` option does), so an offline test can mock model and outside-world
 * steps over HTTP. Never send it to the real API.
 */

/**
 * Branches nest at most this deep (the user guide: "up to 10 levels"); deeper is a 400
 * TOO_DEEP at the offending `config.trueSteps` / `config.falseSteps`.
 */
export const MAX_BRANCH_DEPTH = 10;

/**
 * UNCONFIRMED: without `options.flowMode`, a flow with `steps` runs virtually and one with only
 * an `id` is the stored flow (every example names the mode).
 */
export function defaultFlowMode(flow: Record<string, unknown>): 'virtual' | 'existing' {
  return flow.steps === undefined && typeof flow.id === 'string' ? 'existing' : 'virtual';
}

/**
 * UNCONFIRMED: a virtual flow's `flowId` (required in `flow_start`; `{{_flow.id}}`) is
 * `flow_virtual_<first 16 hex of sha256(name)>`: stable across runs of the same flow.
 */
export function virtualFlowId(name: string): string {
  return `flow_virtual_${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}

/*
 * EXISTING_RUNS_PUBLISHED_ELSE_DRAFT. UNCONFIRMED: `flowMode: "existing"` runs the flow's PUBLISHED
 * version (what products run, and what `run --live` means by "the deployed flow"), or its current
 * draft steps when it was never published (a flow just created is runnable). `lastRunAt` is not
 * updated (running stores nothing, and a read-only emulator can run flows too).
 */

/**
 * UNCONFIRMED: SSE framing. Each event is one `event: <type>` line, one `data: <JSON>` line
 * (the JSON carries `type` too, as the document's schemas require) and a blank line; no `id:`
 * lines (the document names none; the public widget reads them only for durable agent runs)
 * and no comments or keep-alives. Content-Type `text/event-stream; charset=utf-8`,
 * `Cache-Control: no-cache`. The stream ends after `flow_complete` or `flow_error`.
 */
export const SSE_CONTENT_TYPE = 'text/event-stream; charset=utf-8';

/*
 * JSON_ANSWER. UNCONFIRMED: `options.streamResponse: false` answers 200 `application/json` once the
 * run ended (the document mentions "synchronous JSON responses" but documents only the stream): `{
 * success, executionId, flowId, finalOutput?, output?, error?, totalTokensUsed?, duration?, events
 * }` — the outcome (`error` as flow_error has it) and every event the stream would have carried.
 */

/**
 * UNCONFIRMED: a step that fails ends the run: `step_error`, then `flow_error` with
 * `error: { code, message, stepId, stepType }` (the document's `errorTracking` example: "This
 * step should not run because previous step failed"), unless its config says
 * `errorHandling: { onError: "continue" }` (or `errorHandling: "continue"`), as the
 * `contextSteps` example does: then the run goes on. `flow_complete.failedSteps` counts those.
 */
export const CONTINUE_ON_ERROR = 'continue';

/**
 * Codes of `flow_error.error.code` (the document's example has `step_failed`; the rest are
 * UNCONFIRMED, emulator-chosen): the step's own failure code, or a bound of the run.
 */
export const FLOW_ERROR_CODES = {
  /** A step failed (a script threw, a template did not parse, a condition threw). */
  stepFailed: 'step_failed',
  /** A step type the emulator does not execute, and the caller supplied no output for it. */
  notEmulated: 'not_emulated',
  /** A transform-data script (or condition) ran past its time limit and was stopped. */
  timeout: 'timeout',
  /** A transform-data script went over its memory limit and was stopped. */
  memoryLimit: 'memory_limit',
  /** The stream reached `maxEvents`. */
  eventLimit: 'event_limit',
  /** More than `maxSteps` steps started (a huge tree of branches). */
  stepLimit: 'step_limit',
  /** The whole run took longer than `runTimeoutMs`. */
  runTimeout: 'run_timeout',
} as const;

/*
 * EVENT_FIELD_RULES. UNCONFIRMED: event details the document leaves open. `index` is the step's
 * 1-based position among the enabled steps of its own list (the top level, or its branch) and
 * `totalSteps` that list's length; `flow_start.totalSteps` counts the top level. Disabled steps
 * emit nothing. Durations (`executionTime` of steps, `duration` of the flow) are milliseconds of
 * the run's clock. `flow_complete.finalOutput` is the output of the last step that completed (a
 * conditional's own `true`/`false` does not count), as text (JSON for a non-string), `output` the
 * same value as it is. `seq` counts from 0; every event carries `executionId`.
 */

/*
 * STEP_RESULT_FIELDS. UNCONFIRMED: `step_complete.result` (typed only as "any"; the document's
 * example is `{ response }`) is `{ response: <output> }` plus, where they apply: `model`, `prompt:
 * { system, user }` (the resolved prompt), `tokens: { input, output }`, `cost` (USD) for model
 * steps; `unresolvedVariables: string[]` when a template referenced a variable that does not exist;
 * `logs: string[]` (console output) for transform-data; `branch: "trueSteps" | "falseSteps"` and
 * `condition` (as evaluated) for a conditional; `supplied: true` when the caller supplied the
 * output. `output` is the step's value; `tokensUsed` input + output tokens.
 */

/*
 * TEMPLATE_RULES. UNCONFIRMED: templates. An unresolved `{{name}}` is left in the text as written
 * (so it shows in the mock model's output) and named in `result.unresolvedVariables`. A value
 * renders as itself when a string, as JSON otherwise (`null` → `null`). The record's metadata
 * fields are also top-level variables (the `upsertFlowMode` example reads `{{input}}` from
 * `record.metadata.input`), below `inputs`, which are below step outputs (a later write wins).
 * `{{secret:NAME}}` is never resolved (no secrets locally). Liquid filters (`{{ a | upcase }}`)
 * work in `template` steps only; elsewhere such a reference is unresolved.
 */
