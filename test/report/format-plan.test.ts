import { describe, expect, it } from 'vitest';
import type { PlanResult } from '../../src/app/results.js';
import { contentHash, planChanges, type FlowPayload } from '../../src/plan/index.js';
import { formatPlan } from '../../src/report/format-plan.js';
import { toJsonDocument } from '../../src/report/json-result.js';

const step = (id: string, config: Record<string, string>) => ({ id, name: id, type: 'prompt', order: 1, enabled: true, config });
const flow = (name: string, prompt: string, extra: Record<string, string> = {}): FlowPayload => ({ name, steps: [step('draft', { model: 'gpt-4', userPrompt: prompt, ...extra })] });

function result(): PlanResult {
  const synced = flow('Updated', 'Line one\nLine two\nLine three');
  const drifted = flow('Drifted', 'from code');
  const plan = planChanges({
    desired: [
      { key: 'new-flow', payload: flow('New Flow', 'hello'), hash: contentHash(flow('New Flow', 'hello')) },
      { key: 'updated', payload: flow('Updated', 'Line one\nLine 2\nLine three', { apiKey: 'rt_live_abcdefgh12345678' }), hash: 'h2' },
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
        ['id-u', synced],
        ['id-d', flow('Drifted', 'edited in the dashboard')],
      ]),
    },
  });
  return { command: 'plan', ok: true, pendingChanges: true, diagnostics: [], plan, target: { environment: 'production', kind: 'remote', apiUrl: 'https://api.runtype.com/v1', lockFile: 'runtype.lock.json', lockSection: 'production' } };
}

describe('formatPlan', () => {
  it('shows each change with step and field diffs, line diffs for long text, and a summary', () => {
    expect(formatPlan(result())).toMatchInlineSnapshot(`
      "Plan for environment "production" (https://api.runtype.com/v1)

      ! drift    drifted  "Drifted" edited outside runtype-flows since the last sync; sync refuses to overwrite it without --force
            remote → code:
            ~ step draft (prompt) "draft"
                config.userPrompt: "edited in the dashboard" → "from code"
      + create   new-flow  "New Flow"
            1. draft (prompt) "draft"
      - delete   removed  "Removed" (remote id-r; removed from code — deleted only with --prune)
      ~ update   updated  "Updated"
            ~ step draft (prompt) "draft"
                config.apiKey: (none) → "***"
                config.userPrompt:
                    Line one
                  - Line two
                  + Line 2
                    Line three

      Plan: 1 to create, 1 to update, 0 to adopt, 1 to delete (with --prune), 1 drifted, 0 unchanged.
      Drift is checked for flows about to change; --refresh checks every tracked flow."
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
