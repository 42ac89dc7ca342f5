import { READING_ENV_VAR, readingFromEnv, type Reading } from '../../src/emulator/index.js';

/**
 * The emulator reading this test run uses: vitest.config.ts runs the integration and e2e suites
 * once per reading (RUNTYPE_EMULATOR_READING); anything else (unit tests) gets the first.
 */
export const READING: Reading = readingFromEnv(process.env[READING_ENV_VAR]);

/** What a spawned CLI needs in its environment to start its embedded emulators the same way. */
export const READING_ENV: Record<string, string> = { [READING_ENV_VAR]: READING };
