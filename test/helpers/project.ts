import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestProject {
  root: string;
  write(relative: string, content: string): string;
  read(relative: string): string;
  remove(relative: string): void;
  path(relative: string): string;
  cleanup(): void;
}

/** A throwaway project folder under the OS temp dir, with the given files. */
export function createTestProject(files: Record<string, string> = {}): TestProject {
  const root = mkdtempSync(path.join(os.tmpdir(), 'runtype-test-'));
  const project: TestProject = {
    root,
    write(relative, content) {
      const file = path.join(root, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
      return file;
    },
    read: (relative) => readFileSync(path.join(root, relative), 'utf8'),
    remove: (relative) => rmSync(path.join(root, relative), { force: true }),
    path: (relative) => path.join(root, relative),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
  for (const [relative, content] of Object.entries(files)) project.write(relative, content);
  return project;
}

/** Source of a small flow module with `steps` prompt steps. */
export function flowSource(
  key: string,
  name: string,
  options: { prompt?: string; description?: string; model?: string } = {},
): string {
  return `import { defineFlow, prompt } from 'runtype-flows';

export default defineFlow({
  key: ${JSON.stringify(key)},
  name: ${JSON.stringify(name)},
  ${options.description === undefined ? '' : `description: ${JSON.stringify(options.description)},`}
  inputs: ['topic'],
  steps: [
    prompt('draft', { name: 'Draft', model: ${JSON.stringify(options.model ?? 'gpt-4')}, userPrompt: ${JSON.stringify(options.prompt ?? 'Write about {{topic}}')}, outputVariable: 'draft' }),
  ],
});
`;
}
