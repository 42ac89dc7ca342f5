// @ts-check
import tseslint from 'typescript-eslint';
import vitest from '@vitest/eslint-plugin';

const NODE_AND_IO = ['node:*', 'fs', 'path', 'http', 'https', 'child_process', 'undici', 'chokidar', 'yargs', 'jiti', 'ts-morph', 'tinyglobby'];

/** Forbid imports by module name pattern, for the architecture boundaries in DESIGN.md. */
/** @param {string[]} patterns @param {string} message */
function forbid(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**', '.runtype/**', 'bin/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  {
    // node:crypto is allowed: hashing is deterministic computation, not I/O.
    files: ['src/model/**/*.ts', 'src/plan/**/*.ts'],
    rules: forbid([...NODE_AND_IO, '!node:crypto', '**/report/**', '**/api/**', '**/apply/**', '**/app/**', '**/cli/**', '**/load/**', '**/state/**'],
      'model/ and plan/ are pure: no I/O, no Node APIs, no outer layers (DESIGN.md).'),
  },
  {
    files: ['src/index.ts'],
    rules: forbid(['node:*', 'undici', 'chokidar', 'yargs', 'jiti', 'ts-morph', './report/**', './api/**', './cli/**', './app/**', './load/**'],
      'index.ts is the authoring API users import: it may reach model/ only.'),
  },
  {
    files: ['src/api/**/*.ts'],
    rules: forbid(['**/model/**', '**/plan/**', '**/report/**', '**/app/**', '**/cli/**'], 'api/ knows DTOs only.'),
  },
  {
    files: ['src/watch/**/*.ts'],
    rules: forbid(['**/model/**', '**/plan/**', '**/load/**', '**/state/**', '**/api/**', '**/apply/**', '**/report/**', '**/app/**', '**/cli/**'],
      'watch/ is chokidar wiring: paths in, debounced events out; the app decides what a change means.'),
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/report/**', 'src/emulator/server-main.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error',
        { object: 'process', property: 'argv', message: 'Only cli/ reads process.argv.' },
        { object: 'process', property: 'env', message: 'Only cli/ reads process.env; use ctx.env.' },
        { object: 'process', property: 'exit', message: 'Only cli/ exits.' },
        { object: 'process', property: 'stdout', message: 'Only report/ writes to stdout.' },
        { object: 'process', property: 'stderr', message: 'Only report/ writes to stderr.' },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      'vitest/valid-expect': ['error', { maxArgs: 2 }],
      // afterEach checks that hold for every test in a file (e.g. "the key was never printed").
      'vitest/no-standalone-expect': ['error', { additionalTestBlockFunctions: ['afterEach'] }],
      'vitest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'assert*', 'expectTypeOf'] }],
    },
  },
  {
    // Type tests assert through @ts-expect-error: the type check fails if a line ever compiles.
    files: ['test/types/**/*.test-d.ts'],
    rules: { 'vitest/expect-expect': 'off' },
  },
  {
    files: ['bench/**/*.ts', 'flows/**/*.ts', 'runtype.config.ts', 'vitest.config.ts'],
    rules: { 'no-console': 'off' },
  },
);
