import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { Lockfile } from '../../src/state/index.js';

/** A fresh project root under the OS temp dir, removed when the test ends. */
export async function tempRoot(): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'runtype-state-'));
  onTestFinished(() => fsp.rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A valid sha256 hex digest derived from `seed`. */
export function hashOf(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

export const PROD = 'https://api.runtype.com/v1';
export const STAGING = 'https://staging.runtype.com/v1';

export function aLock(environments: Lockfile['environments'] = {}): Lockfile {
  return { lockfileVersion: 1, environments };
}

export function anEntry(seed: string): { id: string; hash: string; name: string } {
  return { id: `flow_${seed}`, hash: hashOf(seed), name: `Flow ${seed}` };
}

/** Bytes and mtime, to prove a file was left untouched. */
export async function snapshotFile(file: string): Promise<{ text: string; mtimeMs: number }> {
  const [text, stats] = await Promise.all([fsp.readFile(file, 'utf8'), fsp.stat(file)]);
  return { text, mtimeMs: stats.mtimeMs };
}

/** Push a file's mtime into the past, so that "not rewritten" is observable. */
export async function backdate(file: string, msAgo = 3_600_000): Promise<void> {
  const then = new Date(Date.now() - msAgo);
  await fsp.utimes(file, then, then);
}

export async function exists(file: string): Promise<boolean> {
  return fsp.access(file).then(
    () => true,
    () => false,
  );
}
