import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * Runs `body` (async JS with `emu` bound to src/emulator/index.ts, loaded through jiti since
 * Node 20 cannot strip types) in a child node process whose working folder AND temp folder
 * are `dir`, and resolves with the JSON value the body returns.
 */
export async function runEmulatorChild(dir: string, body: string): Promise<unknown> {
  const jiti = createRequire(import.meta.url).resolve('jiti');
  const module = fileURLToPath(new URL('../../src/emulator/index.ts', import.meta.url));
  const script = `
    const { createJiti } = require(${JSON.stringify(jiti)});
    createJiti(${JSON.stringify(module)}).import(${JSON.stringify(module)})
      .then(async (emu) => { ${body} })
      .then((value) => process.stdout.write(JSON.stringify(value)), (error) => { console.error(error); process.exitCode = 1; });`;
  const env = { ...process.env, TMPDIR: dir, TMP: dir, TEMP: dir };
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: dir, env });
  return JSON.parse(stdout) as unknown;
}
