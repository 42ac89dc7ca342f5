import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The integration and end-to-end suites run twice, once against each reading of the emulator
 * (src/emulator/assumptions.ts, OPEN_POINTS): the project name says which, and the helpers read
 * it from RUNTYPE_EMULATOR_READING (the embedded emulator of a spawned CLI too). Files that
 * start no emulator cannot depend on its reading and run once (READING_FREE).
 */
const INTEGRATION = 'test/integration/**/*.test.ts';
const E2E = 'test/e2e/**/*.test.ts';
const READING_FREE = [
  'test/e2e/bench-smoke.test.ts', // the bench scripts' table (their emulators are their own)
  'test/e2e/completion.test.ts',
  'test/e2e/declaration-docs.test.ts',
  'test/e2e/start-script.test.ts', // --version and validate
  'test/e2e/user-code.test.ts', // validate
  'test/e2e/user-project.test.ts', // validate and tsc
  'test/integration/init-project.test.ts',
  'test/integration/secret-masking.test.ts', // validate
  'test/integration/validate-corpus.test.ts', // validate, offline
];

const underReading = (suite: string, include: string, reading: 'first' | 'second') => ({
  extends: true as const,
  test: {
    name: `${suite} (${reading} reading)`,
    include: [include],
    ...(reading === 'second' ? { exclude: READING_FREE } : {}),
    env: { RUNTYPE_EMULATOR_READING: reading },
  },
});

export default defineConfig({
  resolve: {
    alias: { 'runtype-flows': new URL('./src/index.ts', import.meta.url).pathname },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    restoreMocks: true,
    pool: 'forks',
    // vitest's default is one worker less than the cores: one on a 2-core build machine, which
    // then idles a core while a test waits on a child CLI or a socket. Two at least: the
    // integration and e2e suites run twice (once per reading) and must stay within minutes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [INTEGRATION, E2E],
          typecheck: { enabled: true, include: ['test/types/**/*.test-d.ts'] },
        },
      },
      underReading('integration', INTEGRATION, 'first'),
      underReading('integration', INTEGRATION, 'second'),
      underReading('e2e', E2E, 'first'),
      underReading('e2e', E2E, 'second'),
    ],
  },
});
