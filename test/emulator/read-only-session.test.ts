/**
 * connect(..., 'read-only') — what plan, status and sync --dry-run need while a sync holds the
 * emulator.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { connect } from '../../src/app/connect.js';
import type { Target } from '../../src/app/target.js';
import { startEmulator } from '../../src/emulator/index.js';
import { resolveConfig } from '../../src/model/config.js';
import { useTempDir } from './helpers.js';
import { testContext } from '../helpers/app-context.js';

const tempDir = useTempDir('rt-emu-session-');

const target: Target = {
  environment: 'local',
  kind: 'emulator',
  lockSection: 'local',
  lockLocation: 'local',
  publish: false,
};

function context(cwd: string): AppContext {
  return testContext(cwd);
}

describe('connect on the embedded emulator', () => {
  it('read-only: works while a writer (a running sync) holds the state file, and cannot write', async () => {
    const root = tempDir();
    const statePath = join(root, '.runtype', 'emulator', 'local.json');
    const sync = await startEmulator({ statePath }); // what a running `sync` (or `sync --watch`) holds
    try {
      sync.state.create({ name: 'from the sync' });
      await sync.flush();
      const ctx = context(root);
      const project = { root, config: resolveConfig({ concurrency: 4 }) };
      // A writer connection is refused, as it must be: two writers would lose each other's flows.
      await expect(connect(ctx, project, target, 'write')).rejects.toMatchObject({
        code: 'EMULATOR_STATE_LOCKED',
      });

      const session = await connect(ctx, project, target, 'read-only');
      try {
        expect((await session.api.listFlows()).map((f) => f.name)).toEqual(['from the sync']);
        await expect(
          session.api.createFlow({ name: 'not allowed', steps: [] }),
        ).rejects.toMatchObject({
          message: expect.stringContaining('read-only') as unknown,
          // The reason is in details[0].code (the documented Error body has no top-level code).
          meta: expect.objectContaining({
            status: 405,
            details: [expect.objectContaining({ code: 'EMULATOR_READ_ONLY' })],
          }) as unknown,
        });
      } finally {
        await session.close();
      }
      sync.state.create({ name: 'after the plan' });
      await sync.flush();
    } finally {
      await sync.close();
    }
    const saved = JSON.parse(await readFile(statePath, 'utf8')) as { flows: { name: string }[] };
    expect(saved.flows.map((f) => f.name)).toEqual(['from the sync', 'after the plan']);
  });
});
