import type {
  ChangeOutcome,
  PlanResult,
  StatusResult,
  SyncResult,
  TargetInfo,
} from '../../src/app/results.js';
import { countOutcomes } from '../../src/app/sync/apply-plan.js';
import type { JsonValue } from '../../src/errors.js';
import {
  CHANGE_KINDS,
  type Change,
  type ChangeKind,
  type FlowPayload,
  type Plan,
  type StepPayload,
} from '../../src/plan/index.js';

/** Hand-built values for formatter, planning and apply tests: no planner, no I/O. */

export const PRODUCTION: TargetInfo = {
  environment: 'production',
  kind: 'remote',
  apiUrl: 'https://api.runtype.com/v1',
  lockFile: 'runtype.lock.json',
  lockSection: 'production',
};

export function step(
  id: string,
  name: string,
  config: { [key: string]: JsonValue } = {},
  type = 'prompt',
  order = 1,
): StepPayload {
  return { id, name, type, order, enabled: true, config };
}

export function flow(name: string, steps: StepPayload[], description?: string): FlowPayload {
  return {
    name,
    ...(description === undefined ? {} : { description }),
    steps: steps.map((s, i) => ({ ...s, order: i + 1 })),
  };
}

/** A one-step flow payload (a prompt named "Draft"): what apply and planning tests send. */
export function payload(name: string, prompt = 'Hello {{topic}}'): FlowPayload {
  return flow(name, [step('draft', 'Draft', { model: 'gpt-4', userPrompt: prompt })]);
}

/** An unchanged flow. */
export function noop(key: string, name: string, remoteId: string): Change {
  // In sync: deployed and live (a draft not live, or a pin, is shown by the plan).
  return { kind: 'noop', key, name, remoteId, hash: `hash-${key}`, published: true };
}

export function plan(
  changes: Change[],
  options: { remoteChecked?: boolean; refreshed?: boolean } = {},
): Plan {
  const summary = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const c of changes) summary[c.kind] += 1;
  return {
    changes: [...changes].sort((a, b) => a.key.localeCompare(b.key)),
    summary,
    remoteChecked: options.remoteChecked ?? true,
    refreshed: options.refreshed ?? true,
  };
}

export function planResult(
  changes: Change[],
  options: { remoteChecked?: boolean; refreshed?: boolean } = {},
): PlanResult {
  const p = plan(changes, options);
  return {
    command: 'plan',
    ok: true,
    target: PRODUCTION,
    plan: p,
    pendingChanges: p.changes.some((c) => c.kind !== 'noop'),
    diagnostics: [],
  };
}

export function outcome(
  key: string,
  status: ChangeOutcome['status'],
  action: ChangeOutcome['action'],
  extra: Partial<ChangeOutcome> = {},
): ChangeOutcome {
  const kind: ChangeKind = (
    {
      created: 'create',
      updated: 'update',
      adopted: 'adopt',
      recreated: 'missing',
      deleted: 'delete',
      published: 'publish',
      none: 'noop',
    } as const
  )[action];
  return { key, name: key, kind, status, action, ...extra };
}

export function syncResult(outcomes: ChangeOutcome[], extra: Partial<SyncResult> = {}): SyncResult {
  return {
    command: 'sync',
    ok: outcomes.every((o) => o.status !== 'failed'),
    target: PRODUCTION,
    dryRun: false,
    plan: plan([]),
    outcomes,
    counts: countOutcomes(outcomes),
    diagnostics: [],
    durationMs: 1234,
    ...extra,
  };
}

export function statusResult(flows: StatusResult['flows'], remoteChecked = true): StatusResult {
  return { command: 'status', ok: true, target: PRODUCTION, flows, remoteChecked, diagnostics: [] };
}

/**
 * The sample plan of the brief: one create, one update with a prompt change, one drift, one delete.
 */
export function samplePlan(): PlanResult {
  const greeting = (prompt: string, model = 'gpt-4') =>
    step('greeting', 'Generate Greeting', {
      model,
      userPrompt: prompt,
      outputVariable: 'greeting',
    });
  const followUp = step('follow-up', 'Follow Up', {
    model: 'gpt-4',
    userPrompt: 'Write a follow-up to {{greeting}}',
    outputVariable: 'follow_up',
  });
  const oldPrompt =
    'You write short, friendly emails.\nGreet {{customer_name}} from {{company_name}}.\nMention our new product.\nSign as the team.';
  const newPrompt =
    'You write short, friendly emails.\nGreet {{customer_name}} from {{company_name}} by first name.\nMention our new product.\nSign as the team.';
  return planResult([
    {
      kind: 'create',
      key: 'customer-outreach',
      name: 'Customer Outreach Flow',
      payload: flow('Customer Outreach Flow', [greeting('Hello {{customer_name}}'), followUp]),
      hash: 'h1',
    },
    {
      kind: 'update',
      key: 'welcome-email',
      name: 'Welcome Email',
      remoteId: 'flow_01',
      payload: flow(
        'Welcome Email',
        [greeting(newPrompt, 'gpt-5'), followUp],
        'Sends the welcome email',
      ),
      before: flow('Welcome Email', [greeting(oldPrompt)], 'Welcome email'),
      hash: 'h2',
    },
    {
      kind: 'drift',
      key: 'support-triage',
      name: 'Support Triage',
      remoteId: 'flow_02',
      codeChanged: false,
      payload: flow('Support Triage', [
        step('classify', 'Classify', { model: 'gpt-4', temperature: 0.2 }),
      ]),
      before: flow('Support Triage', [
        step('classify', 'Classify', { model: 'gpt-4', temperature: 0.9 }),
      ]),
      hash: 'h3',
    },
    {
      kind: 'delete',
      key: 'old-survey',
      name: 'Old Survey',
      remoteId: 'flow_03',
      alreadyGone: false,
    },
    noop('invoice-reminder', 'Invoice Reminder', 'flow_04'),
  ]);
}
