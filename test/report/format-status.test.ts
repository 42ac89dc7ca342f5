import { describe, expect, it } from 'vitest';
import type { Colors } from '../../src/report/color.js';
import { formatStatus } from '../../src/report/format-status.js';
import { statusResult } from './builders.js';

const flows = statusResult([
  {
    key: 'customer-outreach',
    name: 'Customer Outreach Flow',
    state: 'in-sync',
    remoteId: 'flow_20',
  },
  { key: 'faq-bot', name: 'FAQ Bot', state: 'conflict' },
  { key: 'new-one', name: 'New', state: 'new' },
  { key: 'support-triage', name: 'Support Triage', state: 'drift', remoteId: 'flow_02' },
  { key: 'welcome-email', name: 'Welcome Email', state: 'changed', remoteId: 'flow_01' },
  { key: 'x', name: 'X', state: 'in-sync', remoteId: 'flow_05' },
]);

describe('formatStatus', () => {
  it('prints an aligned table and the counts per state', () => {
    expect(formatStatus(flows)).toMatchInlineSnapshot(`
      "KEY                NAME                    REMOTE ID  STATE
      customer-outreach  Customer Outreach Flow  flow_20    in-sync
      faq-bot            FAQ Bot                 -          conflict
      new-one            New                     -          new
      support-triage     Support Triage          flow_02    drift
      welcome-email      Welcome Email           flow_01    changed
      x                  X                       flow_05    in-sync

      production (https://api.runtype.com/v1): 2 in-sync, 1 changed, 1 new, 1 drift, 1 conflict."
    `);
  });

  it('colours states: in-sync green, changed/new yellow, drift/missing/conflict red', () => {
    const tags: Colors = { enabled: true, paint: (style, text) => `<${String(style)}>${text}</>` };
    const text = formatStatus(
      statusResult([
        ...flows.flows,
        { key: 'gone', name: 'Gone', state: 'missing', remoteId: 'flow_09' },
      ]),
      tags,
    );
    expect(text).toMatch(/ <green>in-sync<\/>$/m);
    expect(text).toMatch(/ <yellow>changed<\/>$/m);
    expect(text).toMatch(/ <yellow>new<\/>$/m);
    expect(text).toMatch(/ <red>drift<\/>$/m);
    expect(text).toMatch(/ <red>missing<\/>$/m);
    expect(text).toMatch(/ <red>conflict<\/>$/m);
  });

  it('says when the remote was not consulted, and handles no flows', () => {
    expect(formatStatus(statusResult([], false))).toMatchInlineSnapshot(`
      "No flows in code or in the lock state.

      production (https://api.runtype.com/v1): no flows.
      Offline: compared with the lock state only; drift, adoptable and remotely deleted flows are not detected."
    `);
  });
});
