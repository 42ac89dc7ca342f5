// @ts-check
import tseslint from 'typescript-eslint';
import vitest from '@vitest/eslint-plugin';

const NODE_AND_IO = [
  'node:*',
  'fs',
  'path',
  'http',
  'https',
  'child_process',
  'undici',
  'chokidar',
  'yargs',
  'jiti',
  'ts-morph',
  'tinyglobby',
];

/** Forbid imports by module name pattern, for the architecture boundaries in DESIGN.md. */
/** @param {string[]} patterns @param {string} message */
function forbid(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

/** Allow only `import type` from these (a layer may name another's types, not call it). */
/** @param {string[]} patterns @param {string} message */
function typesOnly(patterns, message) {
  return {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { patterns: [{ group: patterns, message, allowTypeImports: true }] },
    ],
  };
}

/** The CLI's heavy or process-level dependencies: only their own folder loads them. */
const CLI_AND_WATCHER = ['yargs', 'yargs/*', 'chokidar'];
/** ...and the network client. */
const HEAVY = [...CLI_AND_WATCHER, 'undici'];
/** The outer layers (DESIGN.md: arrows point inward, so nothing inner imports these). */
const OUTER = ['**/app/**', '**/cli/**', '**/report/**'];
/** Besides the outer layers, what load/ never needs: it turns files into a project. */
const NOT_FOR_LOAD = [
  '**/api/**',
  '**/apply/**',
  '**/state/**',
  '**/plan/**',
  '**/emulator/**',
  '**/file-watch/**',
];

/** Several groups, each with its own message, in one no-restricted-imports rule. */
/** @param {[string[], string][]} groups */
function forbidEach(groups) {
  const patterns = groups.map(([group, message]) => ({ group, message }));
  return { 'no-restricted-imports': ['error', { patterns }] };
}

/**
 * src/app/: a core at its root (context, the Reporter contract, results, target, connect,
 * project, progress) and one folder per use-case. The core imports no use-case; a use-case
 * imports the core and the lower layers, and another use-case only where USE_CASE_IMPORTS says.
 */
const USE_CASES = [
  'plan',
  'sync',
  'status',
  'watch',
  'pull',
  'versions',
  'validate',
  'envs',
  'doctor',
  'init',
  'emulator',
  'run',
  'test',
];
/**
 * The imports between use-cases that are real, and nothing else: sync applies the plan it makes
 * as `plan` does (planning, preflight, saved plans); status is a plan seen per flow; a watch
 * cycle plans only the keys a save touched (plan's planAgainstRemote) and applies as sync does.
 */
/** @type {Record<string, string[]>} */
const USE_CASE_IMPORTS = { sync: ['plan'], status: ['plan'], watch: ['sync', 'plan'] };
/** What no app file imports: the CLI (it is built on the app) and the CLI's own packages. */
const NOT_FOR_APP = ['**/cli/**', ...CLI_AND_WATCHER, '**/report/**'];
const APP_MESSAGE =
  'app/ never reaches up into cli/ or report/ (it reports through ctx.reporter, whose contract ' +
  'is app/reporter.ts).';
/** load/ is imported through its one entry, load/index.ts. */
const LOAD_INSIDE = ['**/load/*/**'];
const LOAD_MESSAGE = 'Import load/ through its entry, load/index.js.';

function appBlocks() {
  const core = {
    files: ['src/app/*.ts'],
    rules: forbidEach([
      [NOT_FOR_APP, APP_MESSAGE],
      [LOAD_INSIDE, LOAD_MESSAGE],
      [
        USE_CASES.map((name) => `./${name}/**`),
        'The core of app/ imports no use-case: use-cases are built on it (CONTRIBUTING.md).',
      ],
    ]),
  };
  const useCases = USE_CASES.map((name) => {
    const allowed = USE_CASE_IMPORTS[name] ?? [];
    const others = USE_CASES.filter((other) => other !== name && !allowed.includes(other));
    const extra = name === 'watch' ? WATCH_EXTRA : [];
    return {
      files: [`src/app/${name}/**/*.ts`],
      rules: {
        ...forbidEach([
          [NOT_FOR_APP, APP_MESSAGE],
          [LOAD_INSIDE, LOAD_MESSAGE],
          [
            others.map((other) => `../${other}/**`),
            `app/${name}/ imports the core of app/ and the lower layers` +
              (allowed.length > 0
                ? `, and of the other use-cases only ${allowed.join(', ')}/`
                : '') +
              ' (USE_CASE_IMPORTS in eslint.config.js names the few that are real).',
          ],
          ...extra,
        ]),
        ...(name === 'watch'
          ? typesOnly(
              ['**/apply/**', '**/file-watch/watch-project.js'],
              'app/watch/ applies through sync/apply-plan.ts; its file watcher is injected (WatchDeps).',
            )
          : {}),
      },
    };
  });
  return [core, ...useCases];
}

/** @type {[string[], string][]} */
const WATCH_EXTRA = [
  [
    ['**/emulator/**', '**/state/**', '!**/state/index.js'],
    'app/watch/ uses the use-case steps (connect, planAgainstRemote, applyPlan), ' +
      'not the layers under them.',
  ],
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test/fixtures/**',
      '.runtype/**',
      'bin/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs', 'bench/floors/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  {
    // node:crypto is allowed: hashing is deterministic computation, not I/O.
    files: ['src/model/**/*.ts', 'src/plan/**/*.ts'],
    rules: forbid(
      [
        ...NODE_AND_IO,
        '!node:crypto',
        '**/report/**',
        '**/api/**',
        '**/apply/**',
        '**/app/**',
        '**/cli/**',
        '**/load/**',
        '**/state/**',
      ],
      'model/ and plan/ are pure: no I/O, no Node APIs, no outer layers (DESIGN.md).',
    ),
  },
  {
    files: ['src/index.ts'],
    rules: forbid(
      [
        'node:*',
        'undici',
        'chokidar',
        'yargs',
        'jiti',
        'ts-morph',
        './report/**',
        './api/**',
        './cli/**',
        './app/**',
        './load/**',
      ],
      'index.ts is the authoring API users import: it may reach model/ only.',
    ),
  },
  {
    // Code generation is a pure function of a remote flow (plus ts-morph to parse and edit modules).
    files: ['src/codegen/**/*.ts'],
    rules: forbid(
      [
        ...NODE_AND_IO.filter((m) => m !== 'ts-morph'),
        '!node:crypto',
        '**/report/**',
        '**/api/**',
        '**/apply/**',
        '**/app/**',
        '**/cli/**',
        '**/load/**',
        '**/state/**',
        '**/emulator/**',
        '**/file-watch/**',
      ],
      'codegen/ may import model/, plan/ and ts-morph only (DESIGN.md layout).',
    ),
  },
  {
    files: ['src/api/**/*.ts'],
    rules: forbid(
      ['**/model/**', '**/plan/**', '**/report/**', '**/app/**', '**/cli/**'],
      'api/ knows DTOs only.',
    ),
  },
  {
    files: ['src/state/**/*.ts'],
    rules: forbid(
      [
        ...OUTER,
        ...HEAVY,
        '**/api/**',
        '!**/api/base-url.js',
        '**/load/**',
        '**/plan/**',
        '**/apply/**',
        '**/emulator/**',
        '**/file-watch/**',
      ],
      'state/ is the lockfile: no API client (only the base-URL rule), planner or loader.',
    ),
  },
  {
    files: ['src/apply/**/*.ts'],
    rules: forbid(
      [
        ...OUTER,
        ...HEAVY,
        '**/load/**',
        '**/state/**',
        '!**/state/index.js',
        '**/emulator/**',
        '**/file-watch/**',
      ],
      'apply/ executes a plan through its ports (FlowWriter, LockRecorder); the app wires them.',
    ),
  },
  {
    files: ['src/load/**/*.ts'],
    rules: forbid(
      [...OUTER, ...HEAVY, ...NOT_FOR_LOAD],
      'load/ turns files on disk into a project; it knows no API, lock state or outer layer.',
    ),
  },
  {
    // The three parts of load/: project/ assembles, using import/ and locate/, which know
    // nothing of it or of each other.
    files: ['src/load/import/**/*.ts'],
    rules: forbid(
      [...OUTER, ...HEAVY, ...NOT_FOR_LOAD, '**/project/**', '**/locate/**', 'ts-morph'],
      'load/import/ runs user TypeScript (jiti); it knows nothing of the project or of locating.',
    ),
  },
  {
    files: ['src/load/locate/**/*.ts'],
    rules: forbid(
      [...OUTER, ...HEAVY, ...NOT_FOR_LOAD, '**/project/**', '**/import/**', 'jiti'],
      'load/locate/ places a diagnostic in its file (ts-morph), nothing else.',
    ),
  },
  {
    files: ['src/report/**/*.ts'],
    rules: {
      ...forbid(
        ['**/cli/**', ...HEAVY, '**/load/**', '**/state/**', '**/emulator/**', '../file-watch/**'],
        'report/ turns values into bytes; it reads results, it does not load, store or serve.',
      ),
      // One value of app/ is read: the target's label (a leaf), so it is written once.
      ...typesOnly(
        ['**/app/**', '!**/app/target-label.js', '**/api/**', '**/apply/**'],
        'report/ reads the types of results, never calls the core.',
      ),
    },
  },
  {
    // The state files it shares with the lockfile (atomic write, the writer lock) are the
    // lead's to move out; until then they are the only exception.
    files: ['src/emulator/**/*.ts'],
    rules: forbid(
      [
        ...OUTER,
        ...HEAVY,
        '../index.js',
        '**/model/**',
        '**/plan/**',
        '**/load/**',
        '**/api/**',
        '**/apply/**',
        '**/file-watch/**',
        '**/state/**',
        '!**/state/atomic-write.js',
        '!**/state/writer-lock.js',
        '!**/state/writer-lock-holder.js',
        'jiti',
        'ts-morph',
        'tinyglobby',
      ],
      'emulator/ is the server side: it shares nothing with the tool but errors.ts ' +
        '(the contract between them is the OpenAPI document).',
    ),
  },
  ...appBlocks(),
  {
    // The process entry starts the standby loader worker before anything else loads: by path.
    files: ['src/cli/**/*.ts'],
    ignores: ['src/cli/bin.ts'],
    rules: forbid(LOAD_INSIDE, LOAD_MESSAGE),
  },
  {
    // The flow executor runs without the server: the route (dispatch/) calls it, never the
    // other way round; only the dispatch guesses are shared. (A second rule name, so the
    // emulator block above still applies.)
    files: ['src/emulator/execute/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/dispatch/*',
                '!**/dispatch/assumptions.js',
                '**/server.js',
                '**/routes.js',
                '**/handlers.js',
                '**/store.js',
                'node:http',
              ],
              message: 'execute/ is the executor: the server and its route are built on it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/file-watch/**/*.ts'],
    rules: forbid(
      [
        '**/model/**',
        '**/plan/**',
        '**/load/**',
        '**/state/**',
        '**/api/**',
        '**/apply/**',
        '**/report/**',
        '**/app/**',
        '**/cli/**',
      ],
      'file-watch/ is chokidar wiring: paths in, debounced events out; the app decides what a change means.',
    ),
  },
  {
    files: ['src/**/*.ts'],
    // The loader worker is an entry of its own: it fences process.exit and stdout for user code.
    ignores: [
      'src/cli/**',
      'src/report/**',
      'src/**/*.test.ts',
      'src/load/worker/loader-worker.ts',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'argv', message: 'Only cli/ reads process.argv.' },
        {
          object: 'process',
          property: 'env',
          message: 'Only cli/ reads process.env; use ctx.env.',
        },
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
      'vitest/expect-expect': [
        'error',
        { assertFunctionNames: ['expect', 'expect*', 'assert*', 'expectTypeOf'] },
      ],
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
