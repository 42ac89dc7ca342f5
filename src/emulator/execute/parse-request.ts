/**
 * Checks a dispatch request body (see request.ts) into a RunInput. Body problems are collected
 * into one InputError (400, every offending field with its dotted path); what the emulator
 * cannot run is a DispatchRefused (404, 422, 501). A stored flow (`flowMode: "existing"`) is
 * looked up through `resolveFlow`; without one, only inline flows run.
 */
import { createHash } from 'node:crypto';
import { VALIDATION_CODES as C } from '../assumptions.js';
import {
  DISPATCH_DETAIL_CODES as D,
  MAX_BRANCH_DEPTH,
  defaultFlowMode,
  virtualFlowId,
} from '../dispatch/assumptions.js';
import { InputError } from '../validate.js';
import { checkString, isObject, typeIssue } from '../validate-step.js';
import type { Issue } from '../validate-step.js';
import { readSteps } from './parse-steps.js';
import type { DispatchFlow } from './request.js';
import { DispatchRefused } from './run-flow-input.js';
import type { RunInput } from './run-flow-input.js';

export interface ParseOptions {
  /** Step types accepted (the API's list plus extras). */
  stepTypes: ReadonlySet<string>;
  /** A stored flow by id (its steps as a request would carry them), or undefined. */
  resolveFlow?: (id: string) => DispatchFlow | undefined;
}

const FLOW_MODES = ['virtual', 'existing', 'upsert', 'create'];
const RECORD_MODES = ['virtual', 'existing', 'create'];
const ROLES = ['system', 'user', 'assistant'];

export function parseDispatchRequest(body: unknown, options: ParseOptions): RunInput {
  if (!isObject(body)) throw new InputError([typeIssue('', 'a JSON object', body)]);
  const issues: Issue[] = [];
  const opts = readOptions(body.options, issues);
  if (body.flow === undefined && body.agent !== undefined)
    refuse(501, 'agent', 'Agent dispatch is not emulated: the emulator runs flows only');
  if (!isObject(body.flow)) {
    issues.push(
      body.flow === undefined
        ? { code: C.missing, path: 'flow', message: 'flow is required' }
        : typeIssue('flow', 'an object', body.flow),
    );
    throw new InputError(issues);
  }
  const mode = opts.flowMode ?? defaultFlowMode(body.flow);
  if (mode === 'upsert' || mode === 'create')
    refuse(501, 'options.flowMode', `flowMode "${mode}" is not emulated (it stores a flow)`);
  if (opts.recordMode === 'existing' || opts.recordMode === 'create')
    refuse(501, 'options.recordMode', `recordMode "${opts.recordMode}" is not emulated`);
  const flow = mode === 'existing' ? storedFlow(body.flow, options, issues) : body.flow;
  if (mode === 'virtual' && flow.steps === undefined) {
    throw new DispatchRefused(422, {
      code: D.definitionRequired,
      path: 'flow.steps',
      message:
        'Flow definition required: a virtual dispatch sends the flow inline ({ name, steps })',
    });
  }
  if (mode === 'virtual') checkString(flow.name, 'flow.name', { required: true, min: 1 }, issues);
  const steps = readSteps(flow.steps, 'flow.steps', options.stepTypes, issues, MAX_BRANCH_DEPTH);
  const inputs = readObject(body.inputs, 'inputs', issues);
  const record = readRecord(body.record, issues);
  const messages = readMessages(body.messages, issues);
  const stepOutputs = readEmulatorExtension(body.emulator, issues);
  if (issues.length > 0) throw new InputError(issues);
  const name = flow.name as string;
  const input: RunInput = {
    flow: {
      id: typeof flow.id === 'string' ? flow.id : virtualFlowId(name),
      name,
      steps: steps ?? [],
    },
    inputs: inputs ?? {},
    messages,
    stream: opts.streamResponse !== false,
    fingerprint: digest(body),
  };
  if (record !== undefined) input.record = record;
  if (opts.modelOverride !== undefined) input.modelOverride = opts.modelOverride;
  if (stepOutputs !== undefined) input.stepOutputs = stepOutputs;
  return input;
}

// --- internal ---

interface ReadOptions {
  flowMode?: string;
  recordMode?: string;
  streamResponse?: boolean;
  modelOverride?: string;
}

function readOptions(raw: unknown, issues: Issue[]): ReadOptions {
  if (raw === undefined) return {};
  if (!isObject(raw)) {
    issues.push(typeIssue('options', 'an object', raw));
    return {};
  }
  const out: ReadOptions = {};
  const flowMode = readEnum(raw.flowMode, 'options.flowMode', FLOW_MODES, issues);
  const recordMode = readEnum(raw.recordMode, 'options.recordMode', RECORD_MODES, issues);
  if (flowMode !== undefined) out.flowMode = flowMode;
  if (recordMode !== undefined) out.recordMode = recordMode;
  if (raw.streamResponse !== undefined && typeof raw.streamResponse !== 'boolean')
    issues.push(typeIssue('options.streamResponse', 'a boolean', raw.streamResponse));
  else if (raw.streamResponse !== undefined) out.streamResponse = raw.streamResponse;
  checkString(raw.modelOverride, 'options.modelOverride', { required: false, min: 1 }, issues);
  if (typeof raw.modelOverride === 'string' && raw.modelOverride.length > 0)
    out.modelOverride = raw.modelOverride;
  return out;
}

function readEnum(
  raw: unknown,
  path: string,
  values: readonly string[],
  issues: Issue[],
): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && values.includes(raw)) return raw;
  issues.push({
    code: C.invalidEnum,
    path,
    message: `${path} must be one of ${values.map((v) => `"${v}"`).join(', ')}`,
    suggestion: `Allowed values: ${values.join(', ')}`,
  });
  return undefined;
}

function storedFlow(
  raw: Record<string, unknown>,
  options: ParseOptions,
  issues: Issue[],
): Record<string, unknown> {
  checkString(raw.id, 'flow.id', { required: true, min: 1 }, issues);
  if (typeof raw.id !== 'string' || raw.id.length === 0) throw new InputError(issues);
  if (options.resolveFlow === undefined)
    refuse(501, 'options.flowMode', 'flowMode "existing" needs a stored flow: pass it inline');
  const found = options.resolveFlow(raw.id);
  if (found === undefined) throw new DispatchRefused(404, notFound(raw.id));
  return { ...found, steps: found.steps };
}

function notFound(id: string) {
  return { code: D.flowNotFound, path: 'flow.id', message: `Flow ${id} not found` };
}

function readObject(
  raw: unknown,
  path: string,
  issues: Issue[],
): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  if (isObject(raw)) return raw;
  issues.push(typeIssue(path, 'an object', raw));
  return undefined;
}

function readRecord(raw: unknown, issues: Issue[]): RunInput['record'] {
  const record = readObject(raw, 'record', issues);
  if (record === undefined) return undefined;
  for (const field of ['id', 'name', 'type'])
    checkString(record[field], `record.${field}`, { required: false, min: 0 }, issues);
  const metadata = readObject(record.metadata, 'record.metadata', issues) ?? {};
  const out: NonNullable<RunInput['record']> = { metadata };
  if (typeof record.id === 'string') out.id = record.id;
  if (typeof record.name === 'string') out.name = record.name;
  if (typeof record.type === 'string') out.type = record.type;
  return out;
}

function readMessages(raw: unknown, issues: Issue[]): RunInput['messages'] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    issues.push(typeIssue('messages', 'an array', raw));
    return [];
  }
  const messages: RunInput['messages'] = [];
  raw.forEach((item: unknown, i) => {
    if (!isObject(item)) return void issues.push(typeIssue(`messages.${i}`, 'an object', item));
    const path = `messages.${i}.role`;
    if (item.role === undefined)
      return void issues.push({ code: C.missing, path, message: `${path} is required` });
    const role = readEnum(item.role, path, ROLES, issues);
    if (role !== undefined) messages.push({ role, content: item.content });
  });
  return messages;
}

/** `emulator: { stepOutputs }`: not an API field (EMULATOR_EXTENSION in the assumptions). */
function readEmulatorExtension(raw: unknown, issues: Issue[]): Record<string, unknown> | undefined {
  const extension = readObject(raw, 'emulator', issues);
  return extension === undefined
    ? undefined
    : readObject(extension.stepOutputs, 'emulator.stepOutputs', issues);
}

function refuse(status: 501, path: string, message: string): never {
  throw new DispatchRefused(status, { code: D.notEmulated, path, message });
}

function digest(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
}
