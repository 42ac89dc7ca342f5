import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { 'runtype-flows': new URL('./src/index.ts', import.meta.url).pathname },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/types/**/*.test-d.ts'] },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    restoreMocks: true,
    pool: 'forks',
  },
});
