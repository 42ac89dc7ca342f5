import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestProject } from '../helpers/project.js';
import { runCli } from '../helpers/run-cli.js';

const REPO = path.resolve(import.meta.dirname, '../..');

describe('the default local environment (what `npm start` runs)', () => {
  it('syncs the sample flows to the embedded emulator with no key, and keeps state under .runtype/', async () => {
    const project = createTestProject();
    try {
      cpSync(path.join(REPO, 'flows'), project.path('flows'), { recursive: true });
      cpSync(path.join(REPO, 'runtype.config.ts'), project.path('runtype.config.ts'));
      // A real-looking key and URL in the environment must be ignored by an emulator environment.
      const env = {
        RUNTYPE_API_URL: 'https://api.runtype.com',
        RUNTYPE_API_KEY: 'rt_live_must_not_be_used_0000',
      };
      const first = await runCli(['sync', '--json'], { cwd: project.root, env });
      expect(first.code, first.stderr).toBe(0);
      const doc = JSON.parse(first.stdout);
      expect(doc.target).toMatchObject({ environment: 'local', kind: 'emulator' });
      expect(doc.counts.created).toBeGreaterThanOrEqual(3);
      expect(existsSync(project.path('.runtype/lock/local.json'))).toBe(true);
      expect(existsSync(project.path('runtype.lock.json'))).toBe(false);

      // The emulator's state persisted: a second run finds everything in sync.
      const second = await runCli(['sync', '--json'], { cwd: project.root, env });
      expect(second.code).toBe(0);
      const again = JSON.parse(second.stdout);
      expect(again.counts.created + again.counts.updated + again.counts.adopted).toBe(0);
      const state = JSON.parse(readFileSync(project.path('.runtype/emulator/local.json'), 'utf8'));
      expect(state.flows).toHaveLength(doc.counts.created);
    } finally {
      project.cleanup();
    }
  });
});
