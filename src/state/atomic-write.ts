import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';

export interface AtomicWriteOptions {
  /**
   * Default true: read the file first and leave it alone when it already holds `content`.
   * A writer that knows its content changed (the emulator's state file, megabytes rewritten
   * only after a change) passes false: the read-back would cost more than the write it saves.
   */
  skipUnchanged?: boolean;
}

/**
 * Replace `file` with `content` so that a reader (or a crash) sees either the
 * old or the new bytes, never a mix: temp file in the same directory (rename
 * is only atomic within a filesystem), fsync, rename, fsync the directory.
 * Identical content is not rewritten, so git and editors see no mtime churn
 * (unless `skipUnchanged: false`). Returns whether the file was written.
 */
export async function writeFileAtomic(
  file: string,
  content: string,
  options: AtomicWriteOptions = {},
): Promise<boolean> {
  if (options.skipUnchanged !== false && (await readTextIfExists(file)) === content) return false;
  const dir = path.dirname(file);
  await fsp.mkdir(dir, { recursive: true });
  const temp = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await fsp.open(temp, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(temp, file);
  } catch (error) {
    await fsp.rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
  return true;
}

/** The file's text, or undefined when it does not exist. */
export async function readTextIfExists(file: string): Promise<string | undefined> {
  try {
    return await fsp.readFile(file, 'utf8');
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

/**
 * Make a rename, create or unlink in `dir` durable. Best effort: some
 * platforms (Windows) and filesystems cannot fsync a directory.
 */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await fsp.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported here; the data itself was already fsync'd.
  }
}

export function isErrnoCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
