import { defineConfig } from 'runtype-flows';

/**
 * This repository doubles as a sample project. Its default environment is the
 * embedded local emulator, so `npm start` works offline with no key and can
 * never reach a real account. `--env production` targets the real API with
 * the key from RUNTYPE_API_KEY. Both publish after each sync (the default): set
 * `publish: false` on an environment to keep changes as drafts for review.
 */
export default defineConfig({
  flows: ['flows/**/*.ts'],
  defaultEnvironment: 'local',
  environments: {
    local: { emulator: true },
    production: { url: 'https://api.runtype.com', apiKeyEnv: 'RUNTYPE_API_KEY' },
  },
  concurrency: 8,
});
