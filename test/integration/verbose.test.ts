import { afterEach, describe, expect, it } from 'vitest';
import {
  createEmulatorProject,
  SENTINEL_KEY,
  type EmulatorProject,
} from '../helpers/emulator-project.js';

let env: EmulatorProject;
afterEach(async () => {
  await env.cleanup();
});

describe('--verbose', () => {
  it('explains retries and what the run cost, and still never prints the key', async () => {
    env = await createEmulatorProject(20, {
      faults: { rateLimitRate: 0.2, retryAfterSeconds: 0, seed: 3 },
    });
    const run = await env.cli('sync', '--verbose');
    expect(run.code, run.stderr).toBe(0);
    const retried = env.emu.requests.filter((r) => r.fault === 'rate-limit').length;
    expect(retried).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/retry (GET|POST) \/v1\/flows/);
    expect(run.stderr).toContain(
      `API: ${env.emu.requests.length} request(s), ${retried} retried, at most `,
    );
    expect(run.stdout + run.stderr).not.toContain(SENTINEL_KEY);
  });
});
