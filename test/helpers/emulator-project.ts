import { readFileSync } from 'node:fs';
import { afterEach, expect } from 'vitest';
import type { Emulator, EmulatorOptions } from '../../src/emulator/index.js';
import { startCheckedEmulator } from '../contract/checked-emulator.js';
import { matchOperation, validateRequestBody } from '../contract/openapi.js';
import { createTestProject, flowSource, type TestProject } from './project.js';
import { READING, READING_ENV } from './reading.js';
import { runCli, type CliRun } from './run-cli.js';

/** A key that must never show up in any output or file (checked by the tests). */
export const SENTINEL_KEY = 'rt_test_SENTINEL_9f8e7d6c5b4a3210';

export interface EmulatorProject {
  emu: Emulator;
  project: TestProject;
  /** Runs the CLI in this project against the emulator (env `test`). */
  cli(...args: string[]): Promise<CliRun>;
  /** Every output so far, for the "key never printed" check. */
  outputs: string[];
  writes(): { method: string; path: string }[];
  /**
   * This test sends request bodies the API document refuses on purpose: do not fail it for them.
   */
  allowInvalidRequests(): void;
  lockfile(): {
    environments: Record<
      string,
      { flows: Record<string, { id: string; hash: string; name: string; updatedAt?: string }> }
    >;
  };
  cleanup(): Promise<void>;
}

/**
 * A temp project whose `test` environment targets an in-process emulator on 127.0.0.1. The
 * emulator is checked against the API's OpenAPI document both ways: every answer it gives
 * (a violation fails the test when the project is cleaned up), and every request body the CLI
 * sends — so each integration test also proves the client speaks the documented API.
 */
export async function createEmulatorProject(
  flowCount = 0,
  options: EmulatorOptions = {},
): Promise<EmulatorProject> {
  // The run's reading (vitest.config.ts) unless the test names one.
  const emu = await startCheckedEmulator({
    key: SENTINEL_KEY,
    logBodies: true,
    reading: READING,
    ...options,
  });
  const project = createTestProject({
    'package.json': '{ "name": "sample", "private": true, "type": "module" }\n',
    'runtype.config.ts': `import { defineConfig } from 'runtype-flows';
export default defineConfig({
  defaultEnvironment: 'test',
  environments: { test: { url: ${JSON.stringify(emu.url)}, apiKeyEnv: 'RUNTYPE_API_KEY' } },
});
`,
  });
  for (let i = 0; i < flowCount; i += 1) {
    const key = `flow-${String(i).padStart(3, '0')}`;
    project.write(`flows/${key}.ts`, flowSource(key, `Flow ${i}`));
  }
  const outputs: string[] = [];
  let checkRequests = true;
  return {
    emu,
    project,
    outputs,
    async cli(...args) {
      const env = { RUNTYPE_API_KEY: SENTINEL_KEY, ...READING_ENV };
      const run = await runCli(args, { cwd: project.root, env });
      outputs.push(run.stdout, run.stderr);
      return run;
    },
    writes: () =>
      emu.requests
        .filter((r) => r.method !== 'GET')
        .map((r) => ({ method: r.method, path: r.path })),
    lockfile: () =>
      JSON.parse(readFileSync(project.path('runtype.lock.json'), 'utf8')) as ReturnType<
        EmulatorProject['lockfile']
      >,
    allowInvalidRequests: () => void (checkRequests = false),
    async cleanup() {
      const requests = checkRequests ? requestViolations(emu) : [];
      await emu.close(); // reports response violations to useResponseContract, if the file uses it
      project.cleanup();
      const responses = emu.violations();
      if (requests.length > 0 || responses.length > 0) {
        throw new Error(
          `contract violations (openapi/runtype-flows.openapi.json):\n${[...requests, ...responses].join('\n')}`,
        );
      }
    },
  };
}

// --- internal ---

/** Request bodies (as the emulator logged them) that the documented request schemas refuse. */
function requestViolations(emu: Emulator): string[] {
  return emu.requests.flatMap((request) => {
    const template = matchOperation(request.method, request.path);
    if (template === undefined || request.body === undefined) return [];
    const where = `${request.method} ${request.path}`;
    return validateRequestBody(request.method, template, request.body).map(
      (problem) => `${where}: ${problem}`,
    );
  });
}

/**
 * One emulator project per test of the calling file: the function it returns creates it (as
 * createEmulatorProject does), and after each test the project is cleaned up, once the key has
 * been checked never to show in any output. Call it at the top of a test file.
 */
export function useEmulatorProject(): (
  flowCount?: number,
  options?: EmulatorOptions,
) => Promise<EmulatorProject> {
  let current: EmulatorProject | undefined;
  afterEach(async () => {
    const project = current;
    current = undefined;
    if (project === undefined) return;
    for (const text of project.outputs) expect(text).not.toContain(SENTINEL_KEY);
    await project.cleanup();
  });
  return async (flowCount, options) => (current = await createEmulatorProject(flowCount, options));
}
