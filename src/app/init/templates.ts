/** Files `runtype-flows init` scaffolds. Kept as plain strings so they read like what users get. */
export const CONFIG_TEMPLATE = `import { defineConfig } from 'runtype-flows';

export default defineConfig({
  flows: ['flows/**/*.ts'],
  defaultEnvironment: 'local',
  environments: {
    // The embedded emulator: works offline, no key, state in .runtype/ (git-ignored).
    local: { emulator: true },
    // The real account. The key is read from RUNTYPE_API_KEY; never write it here.
    // sync publishes (products run the published version); add \`publish: false\` to keep
    // changes as drafts for review in the dashboard.
    production: { url: 'https://api.runtype.com', apiKeyEnv: 'RUNTYPE_API_KEY' },
  },
});
`;

export const EXAMPLE_FLOW_TEMPLATE = `import { defineFlow, prompt } from 'runtype-flows';

export default defineFlow({
  key: 'hello-world', // stable identity: keep it when you rename the flow or the file
  name: 'Hello World',
  description: 'A first flow managed as code',
  inputs: ['customer_name'],
  steps: [
    prompt('greeting', {
      name: 'Generate Greeting',
      model: 'gpt-4',
      userPrompt: 'Write a one-line friendly greeting for {{customer_name}}.',
      outputVariable: 'greeting',
    }),
  ],
});
`;

export const GITIGNORE_ENTRIES = ['node_modules/', '.runtype/', '.env'];

/**
 * The tsconfig.json init writes when there is none: enough for `tsc --noEmit` (or the
 * editor) to type-check flows the way Node runs them (ES modules, nodenext resolution).
 */
export const TSCONFIG_TEMPLATE = `${JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    },
    include: ['flows', 'runtype.config.ts'],
  },
  null,
  2,
)}\n`;
