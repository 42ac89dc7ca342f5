import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';

/**
 * Which of `files` have uncommitted changes (`git status --porcelain`),
 * so `pull` never overwrites work that exists nowhere else. Outside a git
 * repository (or without git) it cannot tell: `available` is false.
 */
export async function uncommittedFiles(
  root: string,
  files: readonly string[],
): Promise<{ available: boolean; dirty: Set<string> }> {
  if (files.length === 0) return { available: true, dirty: new Set() };
  const result = await run(root, ['status', '--porcelain', '-z', '--', ...files]);
  if (result === undefined) return { available: false, dirty: new Set() };
  const top = await run(root, ['rev-parse', '--show-toplevel']);
  const base = top?.trim() ?? root;
  const dirty = new Set<string>();
  for (const entry of result.split('\0')) {
    if (entry.length < 4) continue;
    dirty.add(`${base}/${entry.slice(3)}`.replaceAll('\\', '/'));
  }
  return { available: true, dirty: new Set(files.filter((f) => dirty.has(real(f)))) };
}

// --- internal ---

function run(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout) =>
      resolve(error ? undefined : stdout),
    );
  });
}

/** git names files by their real path from the repository's top; a temp dir may be a symlink. */
function real(file: string): string {
  try {
    return realpathSync(file).replaceAll('\\', '/');
  } catch {
    return file.replaceAll('\\', '/');
  }
}
