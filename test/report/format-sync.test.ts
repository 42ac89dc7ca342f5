import { describe, expect, it } from 'vitest';
import { formatSync } from '../../src/report/format-sync.js';
import { outcome, samplePlan, syncResult } from './builders.js';

describe('formatSync', () => {
  it('lists what was applied, failed and refused, counts unchanged flows, and ends with counts and duration', () => {
    const result = syncResult(
      [
        outcome('customer-outreach', 'applied', 'created', {
          remoteId: 'flow_20',
          published: true,
        }),
        outcome('welcome-email', 'applied', 'updated', { remoteId: 'flow_01' }),
        outcome('lead-scoring', 'applied', 'adopted', { remoteId: 'flow_10' }),
        outcome('nightly-digest', 'applied', 'recreated', { remoteId: 'flow_21' }),
        outcome('old-survey', 'applied', 'deleted', { remoteId: 'flow_03' }),
        outcome('faq-bot', 'failed', 'none', {
          error: {
            code: 'API_VALIDATION',
            message: 'steps[0].config.model: unknown model "gpt-9"',
          },
        }),
        outcome('invoice-reminder', 'unchanged', 'none', { remoteId: 'flow_04' }),
      ],
      { durationMs: 2345 },
    );
    expect(formatSync(result)).toMatchInlineSnapshot(`
      "✔ created customer-outreach (id flow_20) [published]
      ✔ updated welcome-email (id flow_01)
      ✔ adopted lead-scoring (id flow_10)
      ↻ recreated nightly-digest (id flow_21)
      ✔ deleted old-survey (id flow_03)
      ✖ failed faq-bot: steps[0].config.model: unknown model "gpt-9" (API_VALIDATION)

      ✖ Sync incomplete "production": 1 created, 1 updated, 1 adopted, 1 recreated, 1 deleted, 1 unchanged, 1 failed, 1 published in 2.3s."
    `);
    expect(formatSync(result, undefined, { verbose: true })).toContain(
      '= unchanged invoice-reminder (id flow_04)',
    );
  });

  it('says when nothing could tell whether the live version holds the code, even without --verbose', () => {
    const reason = 'a version newer than the live one (flowver_2) exists, and …';
    const result = syncResult([
      outcome('welcome-email', 'applied', 'updated', { remoteId: 'flow_01', liveUnknown: reason }),
      outcome('lead-scoring', 'unchanged', 'none', { remoteId: 'flow_10', liveUnknown: reason }),
    ]);
    const text = formatSync(result);
    expect(text).toContain(
      '✔ updated welcome-email (id flow_01)\n  ? live version unknown: a version',
    );
    expect(text).toContain(
      '= unchanged lead-scoring (id flow_10)\n  ? live version unknown: a version newer than the live one (flowver_2) exists, and …; not recorded as live',
    );
  });

  it('names refused drift and gives the exact command to overwrite it', () => {
    const result = syncResult(
      [
        outcome('welcome-email', 'applied', 'updated', { remoteId: 'flow_01' }),
        {
          ...outcome('support-triage', 'refused', 'none', {
            remoteId: 'flow_02',
            reason:
              'edited outside runtype-flows since the last sync; re-run with --force to overwrite',
          }),
          kind: 'drift',
        },
      ],
      {
        blocked: {
          reason: 'drift',
          keys: ['support-triage'],
          rerun: 'runtype-flows sync --env production --force',
        },
      },
    );
    expect(formatSync(result)).toMatchInlineSnapshot(`
      "✔ updated welcome-email (id flow_01)
      ! refused support-triage: drift — edited outside runtype-flows since the last sync; re-run with --force to overwrite

      ✖ Sync incomplete "production": 0 created, 1 updated, 0 adopted, 0 deleted, 0 unchanged, 1 refused in 1.2s.
      Not overwritten: support-triage (edited outside runtype-flows since the last sync). Review the remote edits first (runtype-flows plan --refresh shows them).
      To overwrite them with the code, re-run with: runtype-flows sync --env production --force"
    `);
  });

  it('shows the plan, what needs confirmation and the command to re-run when deletions block the run', () => {
    const plan = samplePlan().plan;
    const result = syncResult([], {
      plan,
      blocked: {
        reason: 'deletions',
        keys: ['old-survey'],
        rerun: 'runtype-flows sync --prune --yes',
      },
    });
    const text = formatSync(result);
    expect(text).toContain('- delete   old-survey');
    expect(text.split('\n').slice(-2)).toEqual([
      'Nothing was applied: 1 flow would be deleted (old-survey), and deleting needs confirmation.',
      'Re-run with: runtype-flows sync --prune --yes',
    ]);
  });

  it('says a dry run wrote nothing', () => {
    const text = formatSync(syncResult([], { plan: samplePlan().plan, dryRun: true }));
    expect(text).toContain('Plan: 1 to create, 1 to update');
    expect(text.split('\n').at(-1)).toBe(
      'Dry run: nothing was written (no remote change, no lockfile change).',
    );
  });

  it('reports skipped deletions and an interrupted run', () => {
    const result = syncResult(
      [
        outcome('old-survey', 'skipped', 'none', {
          kind: 'delete',
          reason: 'removed from code; deleted only with --prune',
        }),
      ],
      { interrupted: { notStarted: 3, cutShort: ['welcome-email'] } },
    );
    expect(formatSync(result)).toMatchInlineSnapshot(`
      "- skipped old-survey: removed from code; deleted only with --prune

      ✖ Sync incomplete "production": 0 created, 0 updated, 0 adopted, 0 deleted, 0 unchanged, 1 skipped in 1.2s.
      Flows removed from code were left in place; run with --prune to delete them.
      Interrupted: 3 changes not started. 1 request cut off in flight (welcome-email): the server may have processed them; the next sync settles them. Everything done so far is in the lock state; run sync again to finish."
    `);
  });

  it('redacts tokens in server messages', () => {
    const result = syncResult([
      outcome('a', 'failed', 'none', {
        error: { code: 'API_UNAUTHORIZED', message: 'invalid key rt_live_abcdef123456' },
      }),
    ]);
    expect(formatSync(result)).toContain('a: invalid key *** (API_UNAUTHORIZED)');
  });
});
