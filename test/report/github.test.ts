import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RuntypeError } from '../../src/errors.js';
import type { Diagnostic } from '../../src/model/diagnostics.js';
import type { ValidateResult } from '../../src/app/results.js';
import {
  annotation,
  formatAnnotations,
  formatErrorAnnotation,
  formatJobSummary,
} from '../../src/report/github.js';
import { outcome, samplePlan, statusResult, syncResult } from './builders.js';
import { createEmulatorProject, type EmulatorProject } from '../helpers/emulator-project.js';
import { createTestProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

const diagnostic = (d: Partial<Diagnostic>): Diagnostic => ({
  severity: 'error',
  code: 'FLOW_SCHEMA',
  message: 'Expected string',
  ...d,
});
const validate = (diagnostics: Diagnostic[]): ValidateResult => ({
  command: 'validate',
  ok: false,
  root: '/proj',
  files: 2,
  flows: [],
  helperModules: [],
  diagnostics,
});

describe('GitHub Actions annotations', () => {
  it('escapes workflow-command data and properties', () => {
    expect(annotation('error', '50% done\nnext', { file: 'flows/a,b.ts', title: 'A: B' })).toBe(
      '::error file=flows/a%2Cb.ts,title=A%3A B::50%25 done%0Anext',
    );
    expect(annotation('warning', 'a\r\nb: c, d', {})).toBe('::warning::a%0D%0Ab: c, d');
  });

  it('puts error and warning diagnostics on their file, line and column, relative to the root, and skips info', () => {
    const result = validate([
      diagnostic({
        file: '/proj/flows/a.ts',
        line: 3,
        column: 5,
        message: 'name: Expected string, got number',
      }),
      diagnostic({
        severity: 'warning',
        code: 'UNKNOWN_STEP_TYPE',
        file: '/proj/flows/b.ts',
        line: 7,
        flowKey: 'b',
        path: ['steps', 1, 'type'],
        message: 'unknown step type "vector"',
        hint: 'sent as written',
      }),
      diagnostic({ severity: 'info', code: 'HELPER', message: 'helper module' }),
      diagnostic({ code: 'DUPLICATE_KEY', message: 'duplicate key' }),
    ]);
    expect(formatAnnotations(result)).toEqual([
      '::error file=flows/a.ts,line=3,col=5,title=FLOW_SCHEMA::name: Expected string, got number',
      '::warning file=flows/b.ts,line=7,col=1,title=UNKNOWN_STEP_TYPE b steps[1].type::unknown step type "vector" (sent as written)',
      '::error title=DUPLICATE_KEY::duplicate key',
    ]);
    // An explicit root (the workspace) wins over validate's own root.
    expect(formatAnnotations(result, '/')[0]).toContain('file=proj/flows/a.ts,');
  });

  it('annotates failed and refused sync changes, and a run blocked by deletions', () => {
    const result = syncResult(
      [
        outcome('faq-bot', 'failed', 'none', {
          error: { code: 'API_VALIDATION', message: 'bad model: "gpt-9", try again' },
        }),
        {
          ...outcome('support-triage', 'refused', 'none', {
            reason:
              'edited outside runtype-flows since the last sync; re-run with --force to overwrite',
          }),
          kind: 'drift',
        },
      ],
      {
        blocked: { reason: 'drift', keys: ['support-triage'], rerun: 'runtype-flows sync --force' },
      },
    );
    expect(formatAnnotations(result, '/proj')).toEqual([
      '::error title=sync failed::faq-bot: bad model: "gpt-9", try again (API_VALIDATION)',
      '::warning title=drift::support-triage: edited outside runtype-flows since the last sync; re-run with --force to overwrite',
    ]);
    const blocked = syncResult([], {
      blocked: {
        reason: 'deletions',
        keys: ['old-survey'],
        rerun: 'runtype-flows sync --prune --yes',
      },
    });
    expect(formatAnnotations(blocked, '/proj')).toEqual([
      '::warning title=confirmation needed::nothing was applied: old-survey would be deleted, which needs confirmation. Re-run with: runtype-flows sync --prune --yes',
    ]);
  });

  it('annotates drift and conflicts in a plan and in status', () => {
    const plan = samplePlan();
    plan.plan.changes.push({
      kind: 'conflict',
      key: 'faq-bot',
      name: 'FAQ Bot',
      remoteIds: ['flow_13', 'flow_14'],
      payload: { name: 'FAQ Bot', steps: [] },
      hash: 'h',
    });
    expect(formatAnnotations(plan, '/proj')).toEqual([
      '::warning title=drift::support-triage ("Support Triage") was edited outside runtype-flows since the last sync (remote flow_02); sync refuses to overwrite it without --force',
      '::error title=conflict::faq-bot: several untracked remote flows are named "FAQ Bot" (flow_13, flow_14); delete or rename the extra remote flows, or rename this flow',
    ]);
    expect(
      formatAnnotations(
        statusResult([
          { key: 'a', name: 'A', state: 'drift', remoteId: 'r' },
          { key: 'b', name: 'B', state: 'in-sync', remoteId: 's' },
        ]),
      ),
    ).toEqual([
      '::warning title=drift::a ("A") was edited outside runtype-flows since the last sync',
    ]);
  });

  it('never prints a secret literal in an annotation', () => {
    const result = syncResult([
      outcome('a', 'failed', 'none', {
        error: { code: 'API_UNAUTHORIZED', message: 'key rt_live_abcdef123456 rejected' },
      }),
    ]);
    expect(formatAnnotations(result)).toEqual([
      '::error title=sync failed::a: key *** rejected (API_UNAUTHORIZED)',
    ]);
  });

  it('turns a top-level error into one annotation', () => {
    const error = new RuntypeError('API_KEY_MISSING', 'No API key for environment "production"', {
      hint: 'set RUNTYPE_API_KEY',
    });
    expect(formatErrorAnnotation(error)).toBe(
      '::error title=runtype-flows API_KEY_MISSING::No API key for environment "production" (set RUNTYPE_API_KEY)',
    );
  });

  it('validate annotates each problem on its file and line', async () => {
    const project = createTestProject({
      'flows/bad.ts':
        "import { defineFlow, prompt } from 'runtype-flows';\nexport default defineFlow({\n  key: 'bad',\n  name: 'Bad',\n  steps: [prompt('p', { name: 'P', model: 'gpt-4', userPrompt: 'Hi {{who}}' })],\n});\n",
    });
    try {
      const run = await runCli(['validate'], {
        cwd: project.root,
        env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: project.root },
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        /^::error file=flows\/bad\.ts,line=5,col=\d+,title=UNKNOWN_VARIABLE bad steps\[0\]\.config\.userPrompt::\{\{who\}\} is not defined/m,
      );
    } finally {
      project.cleanup();
    }
  });
});

describe('GitHub job summary markdown', () => {
  it('tables the changes of a plan and folds the full plan text away', () => {
    expect(formatJobSummary(samplePlan())).toMatchInlineSnapshot(`
      "### runtype-flows plan — production

      Target: \`https://api.runtype.com/v1\`

      Plan: 1 to create, 1 to update, 0 to adopt, 1 to delete (with --prune), 1 drifted, 1 unchanged.

      | change | key | name | details |
      |---|---|---|---|
      | create | \`customer-outreach\` | Customer Outreach Flow | 2 step(s) |
      | delete | \`old-survey\` | Old Survey | removed from code; deleted only with --prune (flow_03) |
      | drift | \`support-triage\` | Support Triage | **edited outside runtype-flows**; sync refuses without --force (step changed: classify) |
      | update | \`welcome-email\` | Welcome Email | step added: follow-up; step changed: greeting |

      <details><summary>Full plan</summary>

      \`\`\`text
      Plan for environment "production" (https://api.runtype.com/v1)

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

      Plan: 1 to create, 1 to update, 0 to adopt, 1 to delete (with --prune), 1 drifted, 1 unchanged.
      \`\`\`

      </details>
      "
    `);
  });

  it('tables sync outcomes with counts, duration and what is blocked', () => {
    const result = syncResult(
      [
        outcome('customer-outreach', 'applied', 'created', {
          remoteId: 'flow_20',
          published: true,
        }),
        outcome('faq-bot', 'failed', 'none', {
          error: { code: 'API_VALIDATION', message: 'a | b\nc <script>' },
        }),
        {
          ...outcome('support-triage', 'refused', 'none', {
            remoteId: 'flow_02',
            reason: 'edited outside runtype-flows since the last sync',
          }),
          kind: 'drift',
        },
        outcome('invoice-reminder', 'unchanged', 'none', { remoteId: 'flow_04' }),
      ],
      {
        blocked: { reason: 'drift', keys: ['support-triage'], rerun: 'runtype-flows sync --force' },
      },
    );
    expect(formatJobSummary(result)).toMatchInlineSnapshot(`
      "### runtype-flows sync — production

      1 created, 0 updated, 0 adopted, 0 recreated, 0 deleted, 1 unchanged, 1 failed, 1 refused, 0 skipped (1.2s)

      **Blocked** (drift): \`support-triage\`. Re-run with \`runtype-flows sync --force\`.

      | result | key | remote id | note |
      |---|---|---|---|
      | created | \`customer-outreach\` | flow_20 | published |
      | failed | \`faq-bot\` |  | a \\| b<br>c &lt;script> (API_VALIDATION) |
      | refused | \`support-triage\` | flow_02 | edited outside runtype-flows since the last sync |
      "
    `);
  });

  it('summarises status and validate, and nothing for init', () => {
    expect(
      formatJobSummary(statusResult([{ key: 'a', name: 'A', state: 'in-sync', remoteId: 'r' }])),
    ).toMatchInlineSnapshot(`
      "### runtype-flows status — production

      1 in-sync

      | key | name | remote id | state |
      |---|---|---|---|
      | \`a\` | A | r | in-sync |
      "
    `);
    expect(
      formatJobSummary(validate([diagnostic({ file: '/proj/flows/a.ts', line: 3, column: 5 })])),
    ).toMatchInlineSnapshot(`
      "### runtype-flows validate

      ✖ 0 valid flows in 2 files: 1 error, 0 warnings

      | severity | where | code | message |
      |---|---|---|---|
      | error | \`flows/a.ts:3\` | FLOW_SCHEMA | Expected string |
      "
    `);
    expect(
      formatJobSummary({
        command: 'init',
        ok: true,
        root: '/p',
        created: [],
        updated: [],
        skipped: [],
        notes: [],
        nextSteps: [],
      }),
    ).toBeUndefined();
  });
});

describe('GitHub job summary', () => {
  let env: EmulatorProject;
  afterEach(async () => {
    await env.cleanup();
  });

  it('sync appends a table of what happened to $GITHUB_STEP_SUMMARY, and JSON stdout stays one document', async () => {
    env = await createEmulatorProject(2);
    const summary = path.join(mkdtempSync(path.join(os.tmpdir(), 'gh-summary-')), 'summary.md');
    const run = await runCli(['sync', '--json'], {
      cwd: env.project.root,
      env: { RUNTYPE_API_KEY: env.emu.key, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).command).toBe('sync');
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('### runtype-flows sync — test');
    expect(text).toContain('2 created');
    expect(text).toMatch(/\| created \| `flow-000` \|/);
  });
});
