/**
 * Answers the API document allows and the emulator never gives, put in front of it (a server
 * on 127.0.0.1 that forwards, or answers instead): what the tool does with each is the issue-18
 * audit's finding, fixed. Every case runs through the CLI, like a user's run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEmulatorProject,
  SENTINEL_KEY,
  type EmulatorProject,
} from '../helpers/emulator-project.js';
import { startFront, type Front, type FrontRules } from '../helpers/front-server.js';

let env: EmulatorProject;
let front: Front;
/** The front's rules, changed by each test as it goes (none: a plain forward). */
let rules: FrontRules = {};

afterEach(async () => {
  for (const text of env.outputs) expect(text).not.toContain(SENTINEL_KEY);
  rules = {};
  await front.close();
  await env.cleanup();
});

/** A project of `count` flows whose environment is the front, in front of the emulator. */
async function behindFront(count: number): Promise<void> {
  env = await createEmulatorProject(count);
  front = await startFront(env.emu.url, {
    before: (req) => rules.before?.(req),
    after: (req, answer) => rules.after?.(req, answer) ?? answer,
  });
  env.project.write(
    'runtype.config.ts',
    `import { defineConfig } from 'runtype-flows';
export default defineConfig({
  defaultEnvironment: 'test',
  environments: { test: { url: ${JSON.stringify(front.url)}, apiKeyEnv: 'RUNTYPE_API_KEY' } },
});
`,
  );
}

const tracked = () => env.lockfile().environments.test!.flows;
const posts = () => env.emu.requests.filter((r) => r.method === 'POST').map((r) => r.path);

describe('a listing that leaves out a tracked flow (a teammate’s key may not list it)', () => {
  it('the flow is read by id: not re-created, and not forgotten without --prune', async () => {
    await behindFront(2);
    expect((await env.cli('sync')).code).toBe(0);
    const hidden = tracked()['flow-000']!.id;
    rules.after = (req, answer) => {
      if (req.method !== 'GET' || req.path !== '/v1/flows') return answer;
      const page = answer.body as { data: { id: string }[] };
      return { ...answer, body: { ...page, data: page.data.filter((f) => f.id !== hidden) } };
    };

    env.emu.clearRequests();
    const sync = await env.cli('sync');
    expect(sync.code, sync.stdout + sync.stderr).toBe(0);
    expect(posts()).toEqual([]); // no second flow
    expect(env.emu.requests.map((r) => `${r.method} ${r.path}`)).toContain(
      `GET /v1/flows/${hidden}`,
    );
    expect((await env.cli('plan', '--exit-code')).code).toBe(0);

    // Gone from the code: left alone (and tracked) without --prune, as any removed flow.
    env.project.remove('flows/flow-000.ts');
    expect((await env.cli('sync')).code).toBe(0);
    expect(tracked()['flow-000']?.id).toBe(hidden);
    expect(env.emu.state.get(hidden)).toBeDefined();
  });

  it('a flow really deleted (404 by id too) is re-created, as before', async () => {
    await behindFront(1);
    expect((await env.cli('sync')).code).toBe(0);
    const id = tracked()['flow-000']!.id;
    env.emu.state.delete(id);
    const sync = await env.cli('sync', '--json');
    expect(sync.code).toBe(0);
    expect(JSON.parse(sync.stdout).outcomes).toEqual([
      expect.objectContaining({ key: 'flow-000', action: 'recreated' }),
    ]);
  });
});

describe('a publish answered 200 with success: false', () => {
  it('fails that flow, records nothing as live, and the next sync publishes it', async () => {
    await behindFront(1);
    rules.before = (req) =>
      req.method === 'POST' && req.path.endsWith('/publish')
        ? {
            status: 200,
            body: { success: false, publishedVersionId: 'flowver_x', message: 'not today' },
          }
        : undefined;
    const failed = await env.cli('sync');
    expect(failed.code).toBe(1);
    expect(failed.stdout + failed.stderr).toContain('answered success: false: not today');
    expect(tracked()['flow-000']!).not.toHaveProperty('published');

    rules.before = undefined;
    expect((await env.cli('plan', '--exit-code')).code).toBe(2); // the publish is pending
    expect((await env.cli('sync')).code).toBe(0);
    const entry = tracked()['flow-000'] as { hash: string; published?: string };
    expect(entry.published).toBe(entry.hash);
    expect((await env.cli('plan', '--exit-code')).code).toBe(0);
  });
});

describe('listing pages', () => {
  it('`limit=100` refused with 400: asked again without it, said with --verbose', async () => {
    await behindFront(3);
    rules.before = (req) =>
      req.path === '/v1/flows' && req.method === 'GET' && req.query.has('limit')
        ? { status: 400, body: { error: 'Invalid parameters' } }
        : undefined;
    const sync = await env.cli('sync', '--verbose');
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stderr).toMatch(/retry GET \/v1\/flows\?limit=100 \(HTTP 400 with `limit`/);
    expect(env.emu.state.count()).toBe(3);
    const quiet = await env.cli('plan', '--exit-code');
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toContain('limit');
  });

  it('a page without pagination fails the command instead of passing for the whole account', async () => {
    await behindFront(2);
    expect((await env.cli('sync')).code).toBe(0);
    rules.after = (req, answer) => {
      if (req.path !== '/v1/flows' || req.method !== 'GET') return answer;
      const { data } = answer.body as { data: unknown[] };
      return { ...answer, body: { data } };
    };
    env.emu.clearRequests();
    const plan = await env.cli('plan', '--exit-code');
    expect(plan.code).toBe(1);
    expect(plan.stderr).toMatch(/Unexpected response to GET \/v1\/flows.*pagination/);
    const sync = await env.cli('sync', '--prune', '--yes');
    expect(sync.code).toBe(1);
    expect(env.writes()).toEqual([]);
  });
});

describe('validate --remote (the validator writes nothing)', () => {
  it('a 503 is retried, and the flows are checked', async () => {
    await behindFront(1);
    let failures = 1;
    rules.before = (req) =>
      req.path === '/v1/public/flows/validate' && failures-- > 0
        ? { status: 503, body: { error: 'busy' } }
        : undefined;
    const run = await env.cli('validate', '--remote');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toContain('may or may not');
  });

  it('a persistent 500 shows the documented FlowValidationResult errors, and no advice about creates', async () => {
    await behindFront(1);
    rules.before = (req) =>
      req.path === '/v1/public/flows/validate'
        ? {
            status: 500,
            body: {
              valid: false,
              errors: [{ code: 'VALIDATOR_DOWN', message: 'the validator is down' }],
              warnings: [],
              recommendations: [],
              context: {
                authenticated: true,
                accountChecksPerformed: false,
                accountChecksSkipped: true,
              },
            },
          }
        : undefined;
    const run = await env.cli('validate', '--remote');
    const output = run.stdout + run.stderr;
    expect(run.code).toBe(1);
    expect(output).toContain('the validator is down (VALIDATOR_DOWN)');
    expect(output).not.toContain('may or may not have been applied');
    expect(output).not.toContain('adopts');
  });
});
