import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { startListingAhead } from '../../src/app/plan/listing-ahead.js';
import { resolveTarget } from '../../src/app/target.js';
import {
  SENTINEL_KEY,
  type EmulatorProject,
  useEmulatorProject,
} from '../helpers/emulator-project.js';
import { testContext } from '../helpers/app-context.js';

let env: EmulatorProject;
const startEmulatorProject = useEmulatorProject();

function contextFor(root: string): AppContext {
  return testContext(root, { env: { RUNTYPE_API_KEY: SENTINEL_KEY } });
}

const listings = () =>
  env.emu.requests.filter((r) => r.method === 'GET' && r.path === '/v1/flows').length;

describe('the early read (plan and status list the account while the flows load)', () => {
  it('lists from the config alone, before any flow is loaded, and hands that listing over once', async () => {
    env = await startEmulatorProject(2);
    expect((await env.cli('sync')).code).toBe(0);
    env.emu.clearRequests();
    const ctx = contextFor(env.project.root);
    const early = startListingAhead(ctx, undefined);
    // No project load was asked for: the listing comes from the config and the target alone.
    await expect.poll(listings).toBe(1);
    const { config } = await ctx.loader.loadConfig(
      `${env.project.root}/runtype.config.ts`,
      env.project.root,
    );
    const target = resolveTarget(config, ctx.env, undefined);
    const connection = await early.take(env.project.root, target);
    expect(connection?.mode).toBe('read-only');
    expect((await connection!.api.listFlows()).map((f) => f.name).sort()).toEqual([
      'Flow 0',
      'Flow 1',
    ]);
    expect(listings()).toBe(1); // the first listing is the early one
    await connection!.api.listFlows();
    expect(listings()).toBe(2); // later ones go to the API
    expect(await early.take(env.project.root, target)).toBeUndefined(); // taken once
    await early.discard(); // taken: the caller closes it
    await connection!.close();
  });

  it('is not used for another project or environment, and discard closes it', async () => {
    env = await startEmulatorProject(1);
    const ctx = contextFor(env.project.root);
    const early = startListingAhead(ctx, undefined);
    const { config } = await ctx.loader.loadConfig(
      `${env.project.root}/runtype.config.ts`,
      env.project.root,
    );
    const target = resolveTarget(config, ctx.env, undefined);
    expect(await early.take('/elsewhere', target)).toBeUndefined();
    await early.discard();
    expect(await early.take(env.project.root, target)).toBeUndefined();
  });
});
