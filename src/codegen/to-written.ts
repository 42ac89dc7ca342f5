import type { FlowStep, JsonValue } from '../model/index.js';
import { defaultStepId } from '../model/step-id.js';
import type { RemoteFlow } from '../plan/index.js';
import { helperFor } from './helper-fit.js';
import { inferInputs } from './infer-inputs.js';
import type { BranchKey, PullNote, WrittenFlow, WrittenItem, WrittenStep } from './written-flow.js';

/**
 * Decides how a remote flow is written: the steps in the order the API runs
 * them, each field as the code must state it so the code's payload is
 * exactly the remote one — `order` left out where it is the position,
 * `enabled` where it is true, ids always explicit. A field a response left
 * out is filled from the defaults (a missing step name from its id), and
 * said so in `notes`. Never the description: no response carries it.
 */
export function toWrittenFlow(
  remote: RemoteFlow,
  key: string,
): { flow: WrittenFlow; notes: PullNote[] } {
  const notes: PullNote[] = [];
  const steps = remote.payload.steps.map((step, index) => {
    const at = `steps[${index}]`;
    const missing = remote.unknown.get(step.id) ?? [];
    const filled = missing.filter((field) => field !== 'when');
    if (filled.length > 0)
      notes.push({
        path: at,
        message: `the response left out ${filled.join(', ')}: ${defaultsSaid(filled)}`,
      });
    if (missing.includes('when'))
      notes.push({
        path: at,
        message:
          'its `when` could not be read (GET /v1/flow-steps did not list the step): none written',
      });
    const name = step.name === '' ? step.id : step.name;
    return writtenStep({ ...step, name }, index, at, notes);
  });
  const flow: WrittenFlow = { key, name: remote.payload.name, inputs: [], steps };
  flow.inputs = inferInputs(flow.steps, notes);
  return { flow, notes };
}

// --- internal ---

function writtenStep(step: FlowStep, index: number, at: string, notes: PullNote[]): WrittenStep {
  const { config: raw, type } = step;
  const helper = helperFor(type, raw);
  const config: Record<string, JsonValue> = {};
  const branches: WrittenStep['branches'] = {};
  for (const [field, value] of Object.entries(raw)) {
    if (type === 'conditional' && isBranch(field) && Array.isArray(value)) {
      branches[field] = value.map((item, i) =>
        branchItem(item, i, `${at}.config.${field}[${i}]`, notes),
      );
    }
    config[field] = value;
  }
  return {
    id: step.id,
    type,
    ...(helper === undefined ? {} : { helper }),
    common: {
      name: step.name,
      ...(step.enabled ? {} : { enabled: false as const }),
      ...(step.order === index + 1 ? {} : { order: step.order }),
      ...(step.when === undefined ? {} : { when: step.when }),
    },
    config,
    branches,
  };
}

/**
 * A step inside a conditional's branch, as the API stored it: the code will
 * state every field (normalised like a top-level step), so one the remote
 * left out cannot be matched exactly; that is noted.
 */
function branchItem(raw: JsonValue, index: number, at: string, notes: PullNote[]): WrittenItem {
  if (
    raw === null ||
    typeof raw !== 'object' ||
    Array.isArray(raw) ||
    typeof raw.type !== 'string'
  ) {
    notes.push({
      path: at,
      message: 'not a step object with a type: written as it is; validate will report it',
    });
    return { raw };
  }
  const defaults: string[] = [];
  const name = typeof raw.name === 'string' && raw.name !== '' ? raw.name : undefined;
  const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : defaultStepId(name ?? 'step');
  if (typeof raw.id !== 'string') defaults.push('id');
  if (name === undefined) defaults.push('name');
  if (typeof raw.order !== 'number') defaults.push('order');
  if (typeof raw.enabled !== 'boolean') defaults.push('enabled');
  const config = raw.config;
  const configIsObject = config !== null && typeof config === 'object' && !Array.isArray(config);
  if (config !== undefined && !configIsObject) defaults.push('config');
  if (defaults.length > 0)
    notes.push({
      path: at,
      message:
        `the stored step has no ${defaults.join(', ')}: the code states ` +
        `${defaultsSaid(defaults)}`,
    });
  const extra = Object.keys(raw).filter((k) => !BRANCH_STEP_FIELDS.has(k));
  if (extra.length > 0)
    notes.push({
      path: at,
      message: `fields outside the API's step shape left out: ${extra.join(', ')}`,
    });
  const fields: FlowStep = {
    id,
    name: name ?? id,
    type: raw.type,
    order: typeof raw.order === 'number' ? raw.order : index + 1,
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : true,
    config: configIsObject ? config : {},
    ...(typeof raw.when === 'string' ? { when: raw.when } : {}),
  };
  return writtenStep(fields, index, at, notes);
}

const BRANCH_STEP_FIELDS = new Set(['id', 'name', 'type', 'order', 'enabled', 'config', 'when']);

function isBranch(field: string): field is BranchKey {
  return field === 'trueSteps' || field === 'falseSteps';
}

function defaultsSaid(fields: readonly string[]): string {
  const said: Record<string, string> = {
    id: 'an id from the name',
    name: 'the step id as its name',
    order: 'the position as order',
    enabled: 'enabled: true',
    config: 'an empty config',
  };
  return fields.map((f) => said[f] ?? f).join(', ');
}
