import { DEFAULT_LOAD_DEADLINE, type ImportModule } from '../load/index.js';

/**
 * The fence of the in-thread loader (running from TypeScript sources; the
 * built CLI loads in a worker, see load/worker/). User modules run in this
 * process while they are imported, so the CLI (the one place that owns
 * `process`) fences each import: `process.exit` in a flow
 * module becomes an error naming that module, never a silent success exit (a
 * green CI deploy that deployed nothing); anything it writes to stdout goes to
 * stderr, so `--json` stays one document; and a module that does not finish
 * loading within the deadline (a top-level await that never settles) fails,
 * named. A synchronous endless loop is not caught here: only the worker
 * loader catches that.
 */
export function guardUserCode(
  importer: ImportModule,
  timeoutMs = DEFAULT_LOAD_DEADLINE.ms,
): ImportModule {
  const guarded: ImportModule = async (file) => {
    const { stdout } = process;
    // Saved as they are and put back as they were: the fence must leave no trace.
    const saved = { exit: process.exit.bind(process), write: stdout.write.bind(stdout) };
    let timer: NodeJS.Timeout | undefined;
    process.exit = (code?: string | number | null): never => {
      throw new Error(
        `process.exit(${code ?? ''}) was called while loading this module; ` +
          'flow modules must not exit the process',
      );
    };
    stdout.write = process.stderr.write.bind(process.stderr);
    try {
      const deadline = new Promise<never>((_, reject) => {
        const message =
          `did not finish loading within ${timeoutMs} ms ` +
          '(a top-level await that never settles?)';
        timer = setTimeout(() => reject(new Error(message)), timeoutMs);
      });
      return await Promise.race([importer(file), deadline]);
    } finally {
      clearTimeout(timer);
      process.exit = saved.exit;
      stdout.write = saved.write;
    }
  };
  if (importer.beginLoad)
    guarded.beginLoad = (root, changed) => importer.beginLoad?.(root, changed);
  if (importer.definedIn) guarded.definedIn = (value) => importer.definedIn?.(value) ?? [];
  return guarded;
}
