import { describe, expect, it } from 'vitest';
import type { InitResult, ValidateResult } from '../../src/app/results.js';
import { toJsonDocument } from '../../src/report/json-result.js';
import {
  flow,
  outcome,
  planResult,
  samplePlan,
  statusResult,
  step,
  syncResult,
} from './builders.js';

const SECRET_LITERALS = [
  'hunter2',
  'plain-old-key',
  'abc123def456ghi',
  'rt_live_abcdef123456',
  'db-pass-1',
  'db-pass-2',
];

function secretPlan() {
  const before = flow('Webhook', [
    step(
      'call',
      'Call',
      {
        url: 'https://hooks.example.com',
        headers: { Authorization: 'Bearer abc123def456ghi' },
        password: 'hunter2',
        credentials: { user: 'app', pass: 'db-pass-1' },
      },
      'api-call',
    ),
  ]);
  const after = flow('Webhook', [
    step(
      'call',
      'Call',
      {
        url: 'https://hooks.example.com',
        headers: { Authorization: 'Bearer {{secret:HOOK_TOKEN}}' },
        password: '{{secret:HOOK_PASSWORD}}',
        credentials: { user: 'app', pass: 'db-pass-2' },
      },
      'api-call',
    ),
    step('notify', 'Notify', { model: 'gpt-4', api_key: 'plain-old-key', userPrompt: 'Notify' }),
  ]);
  return planResult([
    {
      kind: 'update',
      key: 'webhook',
      name: 'Webhook',
      remoteId: 'flow_30',
      payload: after,
      before,
      hash: 'h',
    },
    {
      kind: 'create',
      key: 'fresh',
      name: 'Fresh',
      payload: flow('Fresh', [
        step('p', 'P', {
          model: 'gpt-4',
          apiKey: 'rt_live_abcdef123456',
          userPrompt: 'full prompt text',
        }),
      ]),
      hash: 'h2',
    },
  ]);
}

describe('toJsonDocument', () => {
  it('gives plan changes with their ids and diffs, never full payloads', () => {
    const doc = toJsonDocument(samplePlan());
    expect(doc).toMatchObject({
      schemaVersion: 1,
      status: 'ok',
      command: 'plan',
      ok: true,
      pendingChanges: true,
      remoteChecked: true,
      refreshed: true,
      diagnostics: [],
    });
    expect(doc.target).toEqual({
      environment: 'production',
      kind: 'remote',
      apiUrl: 'https://api.runtype.com/v1',
      lockFile: 'runtype.lock.json',
      lockSection: 'production',
    });
    expect(doc.summary).toEqual({
      create: 1,
      adopt: 0,
      update: 1,
      publish: 0,
      drift: 1,
      'live-drift': 0,
      missing: 0,
      delete: 1,
      conflict: 0,
      noop: 1,
    });
    expect(doc).not.toHaveProperty('plan');
    const changes = doc.changes as Record<string, unknown>[];
    expect(changes.map((c) => [c.kind, c.key])).toEqual([
      ['create', 'customer-outreach'],
      ['noop', 'invoice-reminder'],
      ['delete', 'old-survey'],
      ['drift', 'support-triage'],
      ['update', 'welcome-email'],
    ]);
    for (const c of changes) {
      expect(c).not.toHaveProperty('payload');
      expect(c).not.toHaveProperty('before');
    }
    expect(changes[3]).toEqual({
      kind: 'drift',
      key: 'support-triage',
      name: 'Support Triage',
      remoteId: 'flow_02',
      codeChanged: false,
      diff: {
        fields: [],
        steps: [
          {
            kind: 'changed',
            id: 'classify',
            name: 'Classify',
            type: 'prompt',
            fields: [{ path: 'config.temperature', before: 0.9, after: 0.2 }],
          },
        ],
      },
    });
    // A create lists its steps without dumping their config.
    expect(changes[0]?.diff).toEqual({
      fields: [{ path: 'name', after: 'Customer Outreach Flow' }],
      steps: [
        { kind: 'added', id: 'greeting', name: 'Generate Greeting', type: 'prompt', order: 1 },
        { kind: 'added', id: 'follow-up', name: 'Follow Up', type: 'prompt', order: 2 },
      ],
    });
    expect(changes[2]).toEqual({
      kind: 'delete',
      key: 'old-survey',
      name: 'Old Survey',
      remoteId: 'flow_03',
      alreadyGone: false,
    });
  });

  it('contains no secret literal, but keeps {{secret:…}} references', () => {
    const text = JSON.stringify(toJsonDocument(secretPlan()));
    for (const literal of SECRET_LITERALS) expect(text).not.toContain(literal);
    expect(text).toContain('Bearer {{secret:HOOK_TOKEN}}');
    expect(text).toContain('{{secret:HOOK_PASSWORD}}');
    expect(text).not.toContain('full prompt text');
    expect(text).toContain(
      '"path":"config.password","before":"***","after":"{{secret:HOOK_PASSWORD}}"',
    );
  });

  it('gives conflict ids, a missing flow its previous id and an adoption whether content matches', () => {
    const same = flow('A', []);
    const doc = toJsonDocument(
      planResult([
        { kind: 'conflict', key: 'c', name: 'C', remoteIds: ['x', 'y'], payload: same, hash: 'h' },
        { kind: 'missing', key: 'm', name: 'M', previousId: 'old', payload: same, hash: 'h' },
        {
          kind: 'adopt',
          key: 'a',
          name: 'A',
          remoteId: 'r',
          payload: same,
          before: same,
          contentMatches: true,
          hash: 'h',
        },
      ]),
    );
    expect(doc.changes).toEqual([
      {
        kind: 'adopt',
        key: 'a',
        name: 'A',
        remoteId: 'r',
        contentMatches: true,
        diff: { fields: [], steps: [] },
      },
      { kind: 'conflict', key: 'c', name: 'C', remoteIds: ['x', 'y'] },
      { kind: 'missing', key: 'm', name: 'M', previousId: 'old' },
    ]);
  });

  it('gives sync outcomes, counts, the plan summary and redacted server messages', () => {
    const doc = toJsonDocument(
      syncResult([
        outcome('a', 'applied', 'created', { remoteId: 'flow_1', published: true }),
        outcome('b', 'failed', 'none', {
          error: { code: 'API_UNAUTHORIZED', message: 'bad key rt_live_abcdef123456' },
        }),
      ]),
    );
    expect(doc).toMatchObject({
      schemaVersion: 1,
      status: 'error',
      command: 'sync',
      ok: false,
      dryRun: false,
      durationMs: 1234,
    });
    expect(doc.outcomes).toEqual([
      {
        key: 'a',
        name: 'a',
        kind: 'create',
        status: 'applied',
        action: 'created',
        remoteId: 'flow_1',
        published: true,
      },
      {
        key: 'b',
        name: 'b',
        kind: 'noop',
        status: 'failed',
        action: 'none',
        error: { code: 'API_UNAUTHORIZED', message: 'bad key ***' },
      },
    ]);
    expect(doc.counts).toMatchObject({ created: 1, failed: 1 });
    expect(doc.summary).toBeDefined();
    expect(doc).not.toHaveProperty('plan');
    expect(doc).not.toHaveProperty('changes');
  });

  it('marks a sync held back for confirmation as blocked, and lists the changes when nothing was applied', () => {
    const blocked = toJsonDocument(
      syncResult([], {
        plan: samplePlan().plan,
        blocked: {
          reason: 'deletions',
          keys: ['old-survey'],
          rerun: 'runtype-flows sync --prune --yes',
        },
      }),
    );
    expect(blocked).toMatchObject({
      status: 'blocked',
      ok: true,
      blocked: {
        reason: 'deletions',
        keys: ['old-survey'],
        rerun: 'runtype-flows sync --prune --yes',
      },
    });
    expect((blocked.changes as unknown[]).length).toBe(5);
    const dryRun = toJsonDocument(syncResult([], { plan: samplePlan().plan, dryRun: true }));
    expect(dryRun).toMatchObject({ status: 'ok', dryRun: true });
    expect((dryRun.changes as unknown[]).length).toBe(5);
  });

  it('keeps status "ok" for a plan with pending changes (the exit code says "action needed")', () => {
    expect(toJsonDocument(samplePlan()).status).toBe('ok');
    expect(toJsonDocument({ ...samplePlan(), ok: false }).status).toBe('error');
  });

  it('passes status, validate and init results through inside the envelope', () => {
    const status = statusResult([{ key: 'a', name: 'A', state: 'drift', remoteId: 'r' }]);
    expect(toJsonDocument(status)).toEqual({ schemaVersion: 1, status: 'ok', ...status });
    const validate: ValidateResult = {
      command: 'validate',
      ok: true,
      root: '/p',
      files: 1,
      flows: [{ key: 'a', name: 'A', file: '/p/flows/a.ts', steps: 1 }],
      helperModules: [],
      diagnostics: [],
    };
    expect(toJsonDocument(validate)).toEqual({ schemaVersion: 1, status: 'ok', ...validate });
    const init: InitResult = {
      command: 'init',
      ok: true,
      root: '/p',
      created: ['runtype.config.ts'],
      updated: [],
      skipped: [],
      notes: [],
      nextSteps: ['npx runtype-flows sync'],
    };
    expect(toJsonDocument(init)).toEqual({ schemaVersion: 1, status: 'ok', ...init });
  });
});
