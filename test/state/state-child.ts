import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * A child node process that runs `body` (async JS, with `state` bound to
 * src/state/index.ts, loaded through jiti since Node 20 cannot strip types)
 * and then stays alive. Resolves once the body has finished.
 */
export async function spawnStateChild(body: string): Promise<ChildProcess> {
  const jiti = createRequire(import.meta.url).resolve('jiti');
  const module = fileURLToPath(new URL('../../src/state/index.ts', import.meta.url));
  const script = `
    const { createJiti } = require(${JSON.stringify(jiti)});
    createJiti(${JSON.stringify(module)}).import(${JSON.stringify(module)})
      .then(async (state) => { ${body}; process.stdout.write('ready\\n'); setInterval(() => {}, 1000); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
  });
  return child;
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** SIGKILL: no finally blocks, no exit handlers — the crash the lock state must survive. */
export async function killHard(child: ChildProcess): Promise<void> {
  child.kill('SIGKILL');
  await exited(child);
}
