/**
 * Keeps the state file current: a coalescing writer (a burst of writes costs one rewrite per
 * interval, not one per request) that replaces the file atomically (state/atomic-write.ts).
 * A failed save never loses the change: the state stays dirty, the failure goes to `onError`
 * (a log line) and to `error` (which `close()` throws), and a background save never rejects
 * unobserved.
 */
import { RuntypeError } from '../errors.js';
import { writeFileAtomic } from '../state/atomic-write.js';
import type { StateFile } from './types.js';

export class StateWriter {
  /** The last failed save (cleared by a successful one); `close()` throws it. */
  error: RuntypeError | null = null;
  private readonly path: string;
  private readonly delayMs: number;
  private readonly snapshot: () => StateFile;
  private readonly onError: (error: RuntypeError) => void;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private dirty = false;
  private stopped = false;
  /** How long the last serialisation blocked the event loop, in ms. */
  private lastCostMs = 0;

  constructor(
    path: string,
    delayMs: number,
    snapshot: () => StateFile,
    onError: (error: RuntypeError) => void = () => undefined,
  ) {
    this.path = path;
    this.delayMs = delayMs;
    this.snapshot = snapshot;
    this.onError = onError;
  }

  /**
   * Marks the state changed; at most one write per interval (a throttle, not a debounce, so a
   * steady stream of writes still gets saved). The interval stretches to 4x the time the last
   * serialisation took, so a large state never spends more than ~20% of the loop on saving.
   */
  schedule(): void {
    if (this.stopped) return;
    this.dirty = true;
    if (this.timer === null && this.writing === null) {
      // flush() has already reported a failure through onError and `error`.
      this.timer = setTimeout(
        () => void this.flush().catch(() => undefined),
        Math.max(this.delayMs, this.lastCostMs * 4),
      );
    }
  }

  /**
   * Writes now if anything changed; resolves when the file on disk is current, rejects with
   * the RuntypeError of a failed save (the state then stays dirty, so a later flush retries).
   */
  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    while (this.writing !== null) await this.writing;
    if (!this.dirty || this.stopped) return;
    this.dirty = false;
    const saving = this.save().then(
      () => null,
      (error: unknown) => {
        this.dirty = true;
        return this.failed(error);
      },
    );
    this.writing = saving.then(() => undefined);
    const failure = await saving;
    this.writing = null;
    if (failure !== null) throw failure;
    if (this.dirty) this.schedule(); // changed while writing
  }

  /** No more writes, whatever changes later (after close()). */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  // --- internal ---

  private async save(): Promise<void> {
    const started = performance.now();
    const text = `${JSON.stringify(this.snapshot(), null, 2)}\n`;
    this.lastCostMs = performance.now() - started;
    // Only called after a change, so comparing with the file first would be wasted reading.
    await writeFileAtomic(this.path, text, { skipUnchanged: false });
    this.error = null;
  }

  private failed(cause: unknown): RuntypeError {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const error = new RuntypeError(
      'EMULATOR_STATE_WRITE_FAILED',
      `Could not save the emulator state to ${this.path}: ${reason}`,
      {
        hint:
          'The flows are still in memory; the emulator tries again on the next change and when ' +
          'it stops. Check that the folder is writable and the disk not full.',
        meta: { file: this.path },
        cause,
      },
    );
    this.error = error;
    this.onError(error);
    return error;
  }
}
