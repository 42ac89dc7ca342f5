import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { RuntypeError } from '../../errors.js';

/** The npm scripts `init` adds to package.json (each only when the name is free). */
export const INIT_SCRIPTS: Readonly<Record<string, string>> = {
  'flows:validate': 'runtype-flows validate',
  'flows:plan': 'runtype-flows plan',
  'flows:sync': 'runtype-flows sync',
  'flows:dev': 'runtype-flows sync --watch',
};

export interface PackageSetup {
  /** What was changed in package.json, e.g. `package.json: "type": "module"`. */
  updated: string[];
  /** Scripts that exist with another command: kept as they are. */
  skipped: string[];
  /** Changes init did not dare to make, for the user to make. */
  notes: string[];
}

/**
 * Makes package.json fit flows written as ES modules, and adds the npm scripts.
 *
 * Flow modules are ES modules (`import`, top-level await, `import.meta.url`), and
 * runtype-flows is ESM-only: under `"type": "commonjs"` (what `npm init -y` writes)
 * TypeScript with nodenext checks `.ts` files as CommonJS, where top-level await and
 * `import.meta` are errors. Switching a project that already has JS/TS sources could
 * break them, so there init only says what to change. The file is rewritten with
 * its own indentation; nothing else in it changes.
 */
export async function setUpPackageJson(root: string): Promise<PackageSetup> {
  const file = path.join(root, 'package.json');
  const text = await readFile(file, 'utf8');
  const pkg = parsePackage(text, file);
  const result: PackageSetup = { updated: [], skipped: [], notes: [] };

  // No "type" means CommonJS too: existing .js sources would change meaning under "module".
  const cjs = pkg.type === undefined || pkg.type === 'commonjs';
  if (cjs && !(await hasSources(root))) {
    pkg.type = 'module';
    result.updated.push('package.json: "type": "module"');
  } else if (pkg.type !== 'module') {
    const typeSaid =
      pkg.type === undefined ? 'has no "type"' : `has "type": ${JSON.stringify(pkg.type)}`;
    result.notes.push(
      `package.json ${typeSaid}` +
        ' and this project has JS/TS sources, ' +
        'so init left it alone. Flow modules are ES modules (import/export, top-level await, ' +
        'import.meta.url), which tsc with module nodenext checks as such only under ' +
        '"type": "module": set it in package.json once your other sources allow it.',
    );
  }

  const scripts = isRecord(pkg.scripts) ? pkg.scripts : {};
  const added: string[] = [];
  for (const [name, command] of Object.entries(INIT_SCRIPTS)) {
    if (scripts[name] === undefined) {
      scripts[name] = command;
      added.push(name);
    } else if (scripts[name] !== command) {
      result.skipped.push(`package.json script ${name}`);
    }
  }
  if (added.length > 0) {
    pkg.scripts = scripts;
    result.updated.push(`package.json scripts: ${added.join(', ')}`);
  }
  if (result.updated.length > 0) await writeFile(file, serialise(pkg, text));
  return result;
}

// --- internal ---

type PackageJson = Record<string, unknown> & { type?: unknown; scripts?: unknown };

function parsePackage(text: string, file: string): PackageJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RuntypeError('INIT_PACKAGE_JSON_INVALID', `${file} is not valid JSON`, {
      hint: 'Fix package.json (or run `npm init -y` again), then run init again.',
      cause: error,
    });
  }
  if (!isRecord(value)) {
    throw new RuntypeError('INIT_PACKAGE_JSON_INVALID', `${file} does not hold a JSON object`);
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Keeps the file's indentation (npm writes 2 spaces, some projects tabs) and final newline. */
function serialise(pkg: PackageJson, original: string): string {
  const indent = /^[ \t]+(?=")/m.exec(original)?.[0] ?? '  ';
  const newline = original.endsWith('\n') ? '\n' : '';
  return JSON.stringify(pkg, null, indent) + newline;
}

/** Whether the project already has JS/TS sources of its own (outside dependencies and builds). */
async function hasSources(root: string): Promise<boolean> {
  const found = await glob(['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'], {
    cwd: root,
    ignore: ['**/node_modules/**', '.git/**', 'dist/**', 'build/**', 'coverage/**'],
    onlyFiles: true,
  });
  return found.length > 0;
}
