import { afterEach, describe, expect, it } from 'vitest';
import { createEmulatorProject, type EmulatorProject } from '../helpers/emulator-project.js';

/**
 * Bounded network behaviour, as README "Guarantees" states it: never a silent minutes-long wait.
 */
let env: EmulatorProject;
afterEach(async () => {
  await env.cleanup();
});

describe('Retry-After', () => {
  it('longer than maxRetryAfterMs (30 s by default): fails at once, saying when to run again', async () => {
    env = await createEmulatorProject(1);
    env.emu.setFaults({ rateLimitRate: 1, retryAfterSeconds: 55, methods: ['GET'] });
    const started = Date.now();
    const run = await env.cli('sync');
    expect(run.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.stderr).toContain('it asks to wait 55 s, longer than the 30 s this tool waits');
    expect(run.stderr).toMatch(/Run again after \d\d:\d\d:\d\d UTC \(in 55 s\)/);
    expect(env.emu.state.count()).toBe(0);
  });

  it('within the bound: waited for, with a progress line even without --verbose', async () => {
    env = await createEmulatorProject(1);
    env.emu.setFaults({ rateLimitRate: 1, retryAfterSeconds: 1, methods: ['GET'] });
    const config = env.project.read('runtype.config.ts');
    env.project.write(
      'runtype.config.ts',
      config.replace(
        "defaultEnvironment: 'test',",
        "defaultEnvironment: 'test',\n  maxRetryAfterMs: 5000,",
      ),
    );
    const run = await env.cli('plan');
    expect(run.stderr).toMatch(
      /waiting 1 s before retrying GET \/v1\/flows\S* \(HTTP 429, attempt 2\)/,
    );
  });
});

describe('requestTimeoutMs', () => {
  it('bounds a request that never answers, and the message names the bound', async () => {
    env = await createEmulatorProject(1);
    const config = env.project.read('runtype.config.ts');
    env.project.write(
      'runtype.config.ts',
      config.replace(
        "defaultEnvironment: 'test',",
        "defaultEnvironment: 'test',\n  requestTimeoutMs: 200,",
      ),
    );
    env.emu.setFaults({ latencyMs: 5000, methods: ['GET'] });
    const started = Date.now();
    const run = await env.cli('plan');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('did not answer within 200 ms, headers and body');
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
