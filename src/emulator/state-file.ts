/**
 * The optional state file: loaded once at start, rewritten atomically (temp file in the same
 * folder, then rename) by a coalescing writer, so a burst of writes costs one rewrite per
 * interval rather than one per request. `close()` flushes whatever is pending.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { StateFile, StoredFlow } from './types.js';

const step = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  config: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  order: z.number(),
  when: z.unknown().optional(),
});

const version = z.object({
  id: z.string(),
  versionNumber: z.number().int(),
  versionType: z.enum(['draft', 'published']),
  label: z.string().nullable(),
  notes: z.string().nullable(),
  steps: z.array(step),
  createdAt: z.string(),
});

const flow = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(['draft', 'active', 'paused', 'failed']),
  steps: z.array(step),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastRunAt: z.string().nullable(),
  userId: z.string(),
  draft: version.nullable(),
  versions: z.array(version),
  publishedVersionId: z.string().nullable(),
});

const stateFile = z.object({
  format: z.literal('runtype-emulator-state'),
  version: z.literal(1),
  flows: z.array(flow),
});

/** Reads the state file; a missing file is an empty state, a corrupt one an Error. */
export async function loadStateFile(path: string): Promise<StoredFlow[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`emulator state file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = stateFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`emulator state file ${path} is not a valid state file: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
  }
  return parsed.data.flows;
}

export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export class StateWriter {
  private readonly path: string;
  private readonly delayMs: number;
  private readonly snapshot: () => StateFile;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private dirty = false;
  /** How long the last serialisation blocked the event loop, in ms. */
  private lastCostMs = 0;
  /** The last failed write, reported by `close()`. */
  error: Error | null = null;

  constructor(path: string, delayMs: number, snapshot: () => StateFile) {
    this.path = path;
    this.delayMs = delayMs;
    this.snapshot = snapshot;
  }

  /**
   * Marks the state changed; at most one write per interval (a throttle, not a debounce, so a
   * steady stream of writes still gets saved). The interval stretches to 4x the time the last
   * serialisation took, so a large state never spends more than ~20% of the loop on saving.
   */
  schedule(): void {
    this.dirty = true;
    if (this.timer === null && this.writing === null) {
      this.timer = setTimeout(() => void this.flush(), Math.max(this.delayMs, this.lastCostMs * 4));
    }
  }

  /** Writes now if anything changed; resolves when the file on disk is current. */
  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    while (this.writing !== null) await this.writing;
    if (!this.dirty) return;
    this.dirty = false;
    const started = performance.now();
    const text = `${JSON.stringify(this.snapshot(), null, 2)}\n`;
    this.lastCostMs = performance.now() - started;
    this.writing = writeFileAtomic(this.path, text).then(
      () => {
        this.error = null;
      },
      (error: unknown) => {
        this.error = error instanceof Error ? error : new Error(String(error));
        this.dirty = true;
      },
    );
    await this.writing;
    this.writing = null;
    if (this.dirty && this.error === null) this.schedule();
  }
}
