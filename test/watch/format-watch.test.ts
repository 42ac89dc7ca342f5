import { describe, expect, it } from 'vitest';
import type { WatchCycle } from '../../src/app/watch-events.js';
import { countOutcomes } from '../../src/app/sync/apply-plan.js';
import { RuntypeError } from '../../src/errors.js';
import { formatWatchEvent } from '../../src/report/format-watch.js';
import { toWatchJson } from '../../src/report/json-watch.js';
import { outcome, PRODUCTION } from '../report/builders.js';

function cycle(outcomes: WatchCycle['outcomes'], extra: Partial<WatchCycle> = {}): WatchCycle {
  return {
    event: 'cycle',
    full: false,
    changed: ['flows/a.ts'],
    ok: true,
    environment: 'production',
    outcomes,
    counts: countOutcomes(outcomes),
    diagnostics: [],
    durationMs: 80,
    ...extra,
  };
}

describe('formatWatchEvent (human)', () => {
  it('a start line with the environment, the flow count and how to stop', () => {
    expect(
      formatWatchEvent({ event: 'ready', target: PRODUCTION, flows: 12, watching: 14 }).stdout,
    ).toEqual([
      'Watching 12 flows, syncing to "production" (https://api.runtype.com/v1). Ctrl-C to stop.',
    ]);
  });

  it('one line per applied change, then one line per cycle', () => {
    const text = formatWatchEvent(
      cycle([outcome('welcome-email', 'applied', 'updated', { remoteId: 'flow_01' })]),
    );
    expect(text.stdout.join('\n')).toMatchInlineSnapshot(`
      "  ✔ updated welcome-email
      ✔ 1 updated in 0.08s"
    `);
  });

  it('failures, refused drift and removed files; a save that changed nothing', () => {
    const text = formatWatchEvent(
      cycle(
        [
          outcome('faq-bot', 'failed', 'none', {
            error: { code: 'API_VALIDATION', message: 'unknown model "gpt-9"' },
          }),
          {
            ...outcome('triage', 'refused', 'none', {
              reason:
                'edited outside runtype-flows since the last sync; re-run with --force to overwrite',
            }),
            kind: 'drift',
          },
          outcome('old-survey', 'skipped', 'none', {
            reason: 'removed from code; deleted only by `sync --prune`',
          }),
        ],
        { ok: false, blocked: { reason: 'drift', keys: ['triage'] }, durationMs: 1234 },
      ),
    );
    expect(text.stdout.join('\n')).toMatchInlineSnapshot(`
      "  ✖ faq-bot: unknown model "gpt-9" (API_VALIDATION)
        ! triage: drift — edited outside runtype-flows since the last sync; re-run with --force to overwrite
        - old-survey: removed from code; deleted only by \`sync --prune\`
      ✖ 1 removed from code, 1 refused, 1 failed in 1.23s
        Not overwritten (edited outside runtype-flows): triage. Restart with --force to overwrite them."
    `);
    expect(formatWatchEvent(cycle([])).stdout).toEqual(['✔ no changes in 0.08s']);
  });

  it('Ctrl-C: changes cut short in flight and not started are the interruption, not failures', () => {
    const text = formatWatchEvent(
      cycle([outcome('a', 'applied', 'updated')], {
        interrupted: { notStarted: 5, cutShort: ['b', 'c'] },
      }),
    );
    expect(text.stdout.join('\n')).toMatchInlineSnapshot(`
      "  ✔ updated a
      ✔ 1 updated in 0.08s
        Interrupted: 2 changes cut short (b, c), 5 changes not started; the next sync finishes them."
    `);
  });

  it('diagnostics as validate prints them (stderr), and a line saying nothing was applied', () => {
    const text = formatWatchEvent({
      event: 'invalid',
      changed: ['flows/a.ts'],
      root: '/proj',
      durationMs: 30,
      diagnostics: [
        {
          severity: 'error',
          code: 'STEP_CONFIG_INVALID',
          message: 'must be a string',
          file: '/proj/flows/a.ts',
          line: 7,
          column: 12,
          flowKey: 'a',
          path: ['steps', 0, 'config', 'model'],
        },
      ],
    });
    expect(text.stderr).toEqual([
      'flows/a.ts:7:12  error  flow a steps[0].config.model: must be a string (STEP_CONFIG_INVALID)',
    ]);
    expect(text.stdout).toEqual([
      '✖ 1 error, 0 warnings: nothing applied, the last good version stays live. Waiting for a fix…',
    ]);
  });
});

describe('toWatchJson', () => {
  it('every event has schemaVersion 1 and its name; errors are code and message; tokens are redacted', () => {
    const error = new RuntypeError(
      'API_UNAVAILABLE',
      'GET /v1/flows failed with Bearer rt_live_abcdefghijkl',
      { hint: 'retry later' },
    );
    expect(toWatchJson({ event: 'error', changed: ['flows/a.ts'], error, fatal: false })).toEqual({
      schemaVersion: 1,
      event: 'error',
      changed: ['flows/a.ts'],
      fatal: false,
      error: {
        code: 'API_UNAVAILABLE',
        message: 'GET /v1/flows failed with Bearer ***',
        hint: 'retry later',
      },
    });
    expect(toWatchJson({ event: 'stopped', cycles: 3, reason: 'interrupted' })).toEqual({
      schemaVersion: 1,
      event: 'stopped',
      cycles: 3,
      reason: 'interrupted',
    });
    const json = toWatchJson(cycle([outcome('a', 'applied', 'updated')]));
    expect(json).toMatchObject({
      schemaVersion: 1,
      event: 'cycle',
      durationMs: 80,
      counts: { updated: 1 },
      outcomes: [{ key: 'a', status: 'applied', action: 'updated' }],
    });
  });
});
