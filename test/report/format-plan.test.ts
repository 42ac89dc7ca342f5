import { describe, expect, it } from 'vitest';
import type { PlanResult } from '../../src/app/results.js';
import {
  contentHash,
  planChanges,
  readRemoteFlow,
  type FlowPayload,
} from '../../src/plan/index.js';
import type { Colors } from '../../src/report/color.js';
import { formatPlan, summaryLine } from '../../src/report/format-plan.js';
import { toJsonDocument } from '../../src/report/json-result.js';
import { flow, noop, plan, planResult, samplePlan, step } from './builders.js';

const asRemote = (p: FlowPayload) => readRemoteFlow({ name: p.name, flowSteps: p.steps }, p.steps);

describe('formatPlan', () => {
  it('shows create, update (with a prompt line diff), drift and delete, hides unchanged flows but counts them', () => {
    expect(formatPlan(samplePlan())).toMatchInlineSnapshot(`
      "Plan for environment "production" (https://api.runtype.com/v1)

      + create   customer-outreach  "Customer Outreach Flow"
            1. greeting (prompt) "Generate Greeting"
            2. follow-up (prompt) "Follow Up"
      - delete   old-survey         "Old Survey"
            removed from code; remote flow flow_03 is deleted only with --prune
      ! drift    support-triage     "Support Triage"
            edited outside runtype-flows since the last sync (remote flow_02).
            sync refuses to overwrite it without --force (which replaces the remote edits with the code).
            remote → code:
            ~ step classify (prompt) "Classify"
                config.temperature: 0.9 → 0.2
      ~ update   welcome-email      "Welcome Email"
            ~ step greeting (prompt) "Generate Greeting"
                config.model: "gpt-4" → "gpt-5"
                config.userPrompt:
                    You write short, friendly emails.
                  - Greet {{customer_name}} from {{company_name}}.
                  + Greet {{customer_name}} from {{company_name}} by first name.
                    Mention our new product.
                    Sign as the team.
            + step follow-up (prompt) "Follow Up"

      Plan: 1 to create, 1 to update, 0 to adopt, 1 to delete (with --prune), 1 drifted, 1 unchanged."
    `);
  });

  it('lists unchanged flows with verbose', () => {
    expect(formatPlan(samplePlan())).not.toContain('invoice-reminder');
    const text = formatPlan(samplePlan(), undefined, { verbose: true });
    expect(text).toMatch(/^= noop +invoice-reminder +"Invoice Reminder"$/m);
  });

  it('explains adopt (matching or not), missing, conflict and a delete already done remotely', () => {
    const same = flow('Lead Scoring', [step('score', 'Score', { model: 'gpt-4' })]);
    const text = formatPlan(
      planResult([
        {
          kind: 'adopt',
          key: 'lead-scoring',
          name: 'Lead Scoring',
          remoteId: 'flow_10',
          payload: same,
          before: same,
          contentMatches: true,
          hash: 'a',
          matchedName: 'Lead Scorer',
        },
        {
          kind: 'adopt',
          key: 'lead-routing',
          name: 'Lead Routing',
          remoteId: 'flow_11',
          payload: flow('Lead Routing', [step('route', 'Route', { model: 'gpt-5' })]),
          before: flow('Lead Routing', [step('route', 'Route', { model: 'gpt-4' })]),
          contentMatches: false,
          hash: 'b',
        },
        {
          kind: 'missing',
          key: 'nightly-digest',
          name: 'Nightly Digest',
          previousId: 'flow_12',
          payload: same,
          hash: 'c',
        },
        {
          kind: 'conflict',
          key: 'faq-bot',
          name: 'FAQ Bot',
          remoteIds: ['flow_13', 'flow_14'],
          payload: same,
          hash: 'd',
        },
        { kind: 'delete', key: 'retired', name: 'Retired', remoteId: 'flow_15', alreadyGone: true },
      ]),
    );
    expect(text).toMatchInlineSnapshot(`
      "Plan for environment "production" (https://api.runtype.com/v1)

      ✖ conflict faq-bot         "FAQ Bot"
            2 untracked remote flows have this name: flow_13, flow_14
            delete or rename the extra remote flows (or rename this flow), then run again
      ⇐ adopt    lead-routing    "Lead Routing"
            existing remote flow flow_11 of the same name is taken over; its content differs and is updated to match the code
            ~ step route (prompt) "Route"
                config.model: "gpt-4" → "gpt-5"
      ⇐ adopt    lead-scoring    "Lead Scoring"
            existing remote flow flow_10 named "Lead Scorer" (created by an interrupted run under that name) is taken over; content matches, nothing to update
      ↻ missing  nightly-digest  "Nightly Digest"
            deleted remotely (was flow_12); sync recreates it
      - delete   retired         "Retired"
            removed from code and already deleted remotely (was flow_15); sync only forgets it

      Plan: 0 to create, 0 to update, 2 to adopt, 1 to recreate, 1 to delete (with --prune), 1 conflict, 0 unchanged."
    `);
  });

  it('says that details need the remote for an offline update, and what an offline plan cannot check', () => {
    const text = formatPlan(
      planResult(
        [
          {
            kind: 'update',
            key: 'welcome-email',
            name: 'Welcome Email',
            remoteId: 'flow_01',
            payload: flow('Welcome Email', []),
            hash: 'h',
          },
        ],
        { remoteChecked: false, refreshed: false },
      ),
    );
    expect(text).toMatchInlineSnapshot(`
      "Plan for environment "production" (https://api.runtype.com/v1)

      ~ update   welcome-email  "Welcome Email"
            changed since the last sync (details need the remote; run without --offline)

      Plan: 0 to create, 1 to update, 0 to adopt, 0 to delete (with --prune), 0 unchanged.
      Offline: the remote account was not consulted, so adoption of existing remote flows, drift and remotely deleted flows were not checked."
    `);
  });

  it('says "No changes" when everything is in sync, and notes that --refresh checks drift on unchanged flows', () => {
    const result = planResult(
      Array.from({ length: 12 }, (_, i) => noop(`flow-${i}`, `Flow ${i}`, `id-${i}`)),
      { refreshed: false },
    );
    expect(formatPlan(result)).toMatchInlineSnapshot(`
      "Plan for environment "production" (https://api.runtype.com/v1)

      No changes. 12 flows in sync.
      Drift was checked only for flows about to change; drift on unchanged flows is only checked with --refresh."
    `);
  });

  it('summarises recreations and conflicts only when there are some', () => {
    expect(
      summaryLine(
        plan([{ kind: 'delete', key: 'a', name: 'A', remoteId: 'x', alreadyGone: false }]),
      ),
    ).toBe('Plan: 0 to create, 0 to update, 0 to adopt, 1 to delete (with --prune), 0 unchanged.');
  });

  it('colours each change kind when colour is on', () => {
    const tags: Colors = { enabled: true, paint: (style, text) => `<${String(style)}>${text}</>` };
    const text = formatPlan(samplePlan(), tags);
    expect(text).toContain('<green>+ create  </>');
    expect(text).toContain('<red>! drift   </>');
    expect(text).toContain('<red>- delete  </>');
    expect(text).toContain('<red>- Greet {{customer_name}} from {{company_name}}.</>');
    // The words that changed inside a changed line are marked too (colour only).
    expect(text).toContain(
      '<green>+ Greet {{customer_name}} from {{company_name}}<inverse> by first name</>.</>',
    );
  });
});

describe('formatPlan on a plan from the planner', () => {
  const prompt = (name: string, text: string, extra: Record<string, string> = {}): FlowPayload => ({
    name,
    steps: [step('draft', 'Draft', { model: 'gpt-4', userPrompt: text, ...extra })],
  });

  function result(): PlanResult {
    const synced = prompt('Updated', 'Line one\nLine two\nLine three');
    const drifted = prompt('Drifted', 'from code');
    const p = planChanges({
      desired: [
        {
          key: 'new-flow',
          payload: prompt('New Flow', 'hello'),
          hash: contentHash(prompt('New Flow', 'hello')),
        },
        {
          key: 'updated',
          payload: prompt('Updated', 'Line one\nLine 2\nLine three', {
            apiKey: 'rt_live_abcdefgh12345678',
          }),
          hash: 'h2',
        },
        { key: 'drifted', payload: drifted, hash: contentHash(drifted) },
      ],
      tracked: new Map([
        ['updated', { id: 'id-u', hash: contentHash(synced), name: 'Updated' }],
        ['drifted', { id: 'id-d', hash: contentHash(drifted), name: 'Drifted' }],
        ['removed', { id: 'id-r', hash: 'x', name: 'Removed' }],
      ]),
      remote: {
        listed: [
          { id: 'id-u', name: 'Updated' },
          { id: 'id-d', name: 'Drifted' },
          { id: 'id-r', name: 'Removed' },
        ],
        details: new Map([
          ['id-u', asRemote(synced)],
          ['id-d', asRemote(prompt('Drifted', 'edited in the dashboard'))],
        ]),
      },
    });
    return {
      command: 'plan',
      ok: true,
      pendingChanges: true,
      diagnostics: [],
      plan: p,
      target: {
        environment: 'production',
        kind: 'remote',
        apiUrl: 'https://api.runtype.com/v1',
        lockFile: 'runtype.lock.json',
        lockSection: 'production',
      },
    };
  }

  it('shows each change with step and field diffs, line diffs for long text, and a summary', () => {
    expect(formatPlan(result())).toMatchInlineSnapshot(`
      "Plan for environment "production" (https://api.runtype.com/v1)

      ! drift    drifted   "Drifted"
            edited outside runtype-flows since the last sync (remote id-d).
            sync refuses to overwrite it without --force (which replaces the remote edits with the code).
            remote → code:
            ~ step draft (prompt) "Draft"
                config.userPrompt: "edited in the dashboard" → "from code"
      + create   new-flow  "New Flow"
            1. draft (prompt) "Draft"
      - delete   removed   "Removed"
            removed from code; remote flow id-r is deleted only with --prune
      ~ update   updated   "Updated"
            ~ step draft (prompt) "Draft"
                config.apiKey: (none) → "***"
                config.userPrompt:
                    Line one
                  - Line two
                  + Line 2
                    Line three

      Plan: 1 to create, 1 to update, 0 to adopt, 1 to delete (with --prune), 1 drifted, 0 unchanged.
      Drift was checked only for flows about to change; drift on unchanged flows is only checked with --refresh."
    `);
  });

  it('redacts secret-looking values in human and JSON output', () => {
    const text = formatPlan(result());
    const json = JSON.stringify(toJsonDocument(result()));
    for (const out of [text, json]) {
      expect(out).not.toContain('rt_live_abcdefgh12345678');
      expect(out).toContain('***');
    }
  });
});
