import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RuntypeError } from '../../errors.js';
import type { AppContext } from '../context.js';
import { setUpPackageJson } from './package-json.js';
import {
  CONFIG_TEMPLATE,
  EXAMPLE_FLOW_TEMPLATE,
  GITIGNORE_ENTRIES,
  TSCONFIG_TEMPLATE,
} from './templates.js';
import type { InitResult } from '../results.js';

/** Scaffolds a config, one example flow and .gitignore entries; never overwrites a file. */
export async function runInit(ctx: AppContext): Promise<InitResult> {
  const root = ctx.cwd;
  if (!existsSync(path.join(root, 'package.json'))) {
    throw new RuntypeError('INIT_NO_PACKAGE_JSON', `No package.json in ${root}`, {
      hint:
        'Run `npm init -y` first (runtype-flows is installed as a dev dependency of your ' +
        'project), then `npx runtype-flows init`.',
    });
  }
  // Before any file is written: whether the project has sources of its own decides "type".
  const pkgSetup = await setUpPackageJson(root);
  const created: string[] = [];
  const skipped: string[] = [...pkgSetup.skipped];
  const write = async (relative: string, content: string) => {
    const file = path.join(root, relative);
    if (existsSync(file)) {
      skipped.push(relative);
      return;
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content, { flag: 'wx' });
    created.push(relative);
  };
  await write('runtype.config.ts', CONFIG_TEMPLATE);
  await write('flows/hello-world.ts', EXAMPLE_FLOW_TEMPLATE);
  await write('tsconfig.json', TSCONFIG_TEMPLATE);
  const gitignore = await addGitignoreEntries(path.join(root, '.gitignore'));
  if (gitignore.length > 0) created.push(`.gitignore (${gitignore.join(', ')})`);

  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as Record<
    string,
    Record<string, string> | undefined
  >;
  const installed = Boolean(
    pkg.dependencies?.['runtype-flows'] ?? pkg.devDependencies?.['runtype-flows'],
  );
  const nextSteps = [
    ...(installed ? [] : ['npm install --save-dev runtype-flows']),
    'npm run flows:validate   # check flows offline',
    'npm run flows:sync       # deploy to the local emulator (the default environment)',
    'npm run flows:dev        # keep syncing every save until Ctrl-C',
    'npx runtype-flows plan --env production   ' +
      '# preview against the real account (needs RUNTYPE_API_KEY)',
  ];
  const { updated, notes } = pkgSetup;
  return { command: 'init', ok: true, root, created, updated, skipped, notes, nextSteps };
}

// --- internal ---

async function addGitignoreEntries(file: string): Promise<string[]> {
  const current = existsSync(file) ? await readFile(file, 'utf8') : '';
  const lines = new Set(current.split(/\r?\n/).map((l) => l.trim()));
  const missing = GITIGNORE_ENTRIES.filter(
    (entry) => !lines.has(entry) && !lines.has(entry.replace(/\/$/, '')),
  );
  if (missing.length === 0) return [];
  const prefix = current === '' || current.endsWith('\n') ? '' : '\n';
  await appendFile(file, `${prefix}# runtype-flows local state\n${missing.join('\n')}\n`);
  return missing;
}
