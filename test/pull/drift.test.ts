import { execFileSync } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { type EmulatorProject, useEmulatorProject } from '../helpers/emulator-project.js';

/**
 * A tracked flow written by hand: comments, a shared constant, a helper call computing a prompt.
 */
const SOURCE = `import { defineFlow, prompt, sendEmail } from 'runtype-flows';

// Shared with other flows in a real project.
const MODEL = 'gpt-4';
const greet = (who: string) => \`Say hello to {{\${who}}}\`;

/** Greets a customer, then mails the greeting. */
export default defineFlow({
  key: 'greeter',
  name: 'Greeter',
  description: 'Written by hand',
  inputs: ['customer'],
  steps: [
    prompt('greet', {
      name: 'Greet', // the first step
      model: MODEL,
      userPrompt: greet('customer'),
      outputVariable: 'greeting',
    }),
    sendEmail('mail', {
      name: 'Mail It',
      to: 'ops@acme.example',
      subject: 'A greeting',
      html: '<p>{{greeting}}</p>',
    }),
  ],
});
`;

let env: EmulatorProject;
let remoteId: string;

beforeEach(async () => {
  env = await startEmulatorProject();
  env.project.write('flows/greeter.ts', SOURCE);
  const synced = await env.cli('sync');
  if (synced.code !== 0) throw new Error(synced.stderr);
  remoteId = env.lockfile().environments.test!.flows.greeter!.id;
});
const startEmulatorProject = useEmulatorProject();

const kinds = (plan: { changes: { kind: string }[] }) => plan.changes.map((c) => c.kind);

/**
 * An edit in the dashboard: the steps as they are, with `edit` applied to the step `id`'s config.
 */
function editRemotely(id: string, edit: Record<string, unknown>): void {
  const flow = env.emu.state.get(remoteId)!;
  const steps = flow.flowSteps.map((s) =>
    s.id === id ? { ...s, config: { ...s.config, ...edit } } : s,
  );
  env.emu.state.update(remoteId, { flowSteps: steps });
}

describe('pull KEY: the remote version of a tracked flow, into its module', () => {
  it('rewrites only the changed literal, keeps the rest, and the plan is clean', async () => {
    editRemotely('mail', { subject: 'A warm greeting', text: 'Plain {{greeting}}' });
    expect((await env.cli('plan', '--refresh', '--exit-code')).code).toBe(2); // drift
    const pulled = await env.cli('pull', 'greeter');
    expect(pulled.code, pulled.stdout + pulled.stderr).toBe(0);
    expect(pulled.stdout).toContain('changed steps[1].config.subject');
    const after = env.project.read('flows/greeter.ts');
    expect(after).toBe(
      SOURCE.replace("subject: 'A greeting',", "subject: 'A warm greeting',").replace(
        "html: '<p>{{greeting}}</p>',\n",
        "html: '<p>{{greeting}}</p>',\n      text: 'Plain {{greeting}}',\n",
      ),
    );
    // The code is the remote content now; the dashboard edit is a draft nobody published, so all
    // that is left is to publish it (the environment publishes).
    expect(kinds(JSON.parse((await env.cli('plan', '--refresh', '--json')).stdout))).toEqual([
      'publish',
    ]);
    env.emu.clearRequests();
    expect((await env.cli('sync')).code).toBe(0);
    expect(env.writes()).toEqual([{ method: 'POST', path: `/v1/flows/${remoteId}/publish` }]);
    const plan = await env.cli('plan', '--refresh', '--exit-code');
    expect(plan.code, plan.stdout).toBe(0);
  });

  it('refuses when the remote differs where the module computes the value (file:line), and --force overwrites it', async () => {
    editRemotely('greet', { userPrompt: 'Say hi to {{customer}}' });
    const refused = await env.cli('pull', 'greeter');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('flows/greeter.ts:17 steps[0].config.userPrompt is computed');
    expect(refused.stdout).toContain('Re-run with: runtype-flows pull greeter --force');
    expect(env.project.read('flows/greeter.ts')).toBe(SOURCE);

    const forced = await env.cli('pull', 'greeter', '--force');
    expect(forced.code, forced.stdout).toBe(0);
    expect(env.project.read('flows/greeter.ts')).toContain("userPrompt: 'Say hi to {{customer}}',");
    expect(env.project.read('flows/greeter.ts')).toContain('model: MODEL,');
    // Only the publish of the (unpublished) dashboard edit remains.
    expect(kinds(JSON.parse((await env.cli('plan', '--refresh', '--json')).stdout))).toEqual([
      'publish',
    ]);
  });

  it('refuses to overwrite local edits not synced yet (exit 2, nothing written), unless --force', async () => {
    const edited = SOURCE.replace("subject: 'A greeting'", "subject: 'Local edit'");
    env.project.write('flows/greeter.ts', edited);
    editRemotely('mail', { subject: 'Remote edit' });
    const refused = await env.cli('pull', 'greeter');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('has changes not synced yet');
    expect(env.project.read('flows/greeter.ts')).toBe(edited);
    expect((await env.cli('pull', 'greeter', '--force')).code).toBe(0);
    expect(env.project.read('flows/greeter.ts')).toContain("subject: 'Remote edit'");
  });

  it('refuses to touch a file with uncommitted git changes (exit 2, nothing written), unless --allow-dirty', async () => {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: env.project.root, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'init');
    const dirty = `${SOURCE}// a note not committed yet\n`;
    env.project.write('flows/greeter.ts', dirty);
    editRemotely('mail', { subject: 'Remote edit' });
    const refused = await env.cli('pull', 'greeter', '--json');
    expect(refused.code).toBe(2);
    const doc = JSON.parse(refused.stdout);
    expect(doc.status).toBe('blocked');
    expect(doc.blocked).toMatchObject({
      reason: 'dirty',
      rerun: 'runtype-flows pull greeter --json --allow-dirty',
    });
    expect(env.project.read('flows/greeter.ts')).toBe(dirty);
    expect((await env.cli('pull', 'greeter', '--allow-dirty')).code).toBe(0);
    expect(env.project.read('flows/greeter.ts')).toContain("subject: 'Remote edit'");
  });
});
