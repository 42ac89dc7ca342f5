import { RuntypeError } from '../errors.js';
import { readTextIfExists, writeFileAtomic } from './atomic-write.js';
import { emptyLockfile, type Lockfile } from './lockfile-schema.js';
import { parseLockfile } from './parse-lockfile.js';
import { serializeLockfile } from './serialize-lockfile.js';

/** Read and check a lockfile; a missing file is an empty lock. Never writes. */
export async function readLockfile(file: string): Promise<Lockfile> {
  let text: string | undefined;
  try {
    text = await readTextIfExists(file);
  } catch (error) {
    throw ioError('LOCKFILE_READ_FAILED', 'read', file, error);
  }
  return text === undefined ? emptyLockfile() : parseLockfile(text, file);
}

/** Write the canonical text atomically; returns false when the file already held it. */
export async function writeLockfile(file: string, lock: Lockfile): Promise<boolean> {
  try {
    return await writeFileAtomic(file, serializeLockfile(lock));
  } catch (error) {
    throw ioError('LOCKFILE_WRITE_FAILED', 'write', file, error);
  }
}

// --- internal ---

function ioError(code: string, verb: string, file: string, cause: unknown): RuntypeError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new RuntypeError(code, `Could not ${verb} ${file}: ${reason}`, {
    hint: 'Check the permissions and free space of the project folder.',
    meta: { file },
    cause,
  });
}
