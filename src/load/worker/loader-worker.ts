/**
 * The loader worker's entry: user code (the config, flow modules and what
 * they import) runs here, never on the CLI's main thread, so the main thread
 * can always enforce the load deadline and answer a signal — a synchronous
 * endless loop included (it terminates this thread).
 *
 * The one other place besides src/cli/ that touches `process`, and only to
 * fence user code: `process.exit` throws an error naming the module (in a
 * worker it would end this thread, and the CLI would see a silent stop); what
 * user code prints goes to this thread's stdout, which the CLI routes to its
 * stderr (see worker-loader.ts), so a --json document stays whole.
 *
 * Imports only what loading needs (jiti, the transform, the authoring API,
 * the model): not the CLI, the API client or the reporter.
 */
import { parentPort } from 'node:worker_threads';
import { RuntypeError } from '../../errors.js';
import type { ResolvedConfig } from '../../model/config.js';
import { createModuleImporter, type ImportModule } from '../import/import-module.js';
import { loadConfig } from '../project/load-config.js';
import { readProject } from '../project/read-project.js';
import type { FromWorker, ToWorker, WorkerError } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('loader-worker.ts runs as a worker thread only');

const post = (message: FromWorker): void => port.postMessage(message);

let importing: string | undefined;
process.exit = (code?: string | number | null): never => {
  throw new Error(
    `process.exit(${code ?? ''}) was called while loading this module; ` +
      'flow modules must not exit the process',
  );
};

// A throw from a timer or callback a module started (or a promise it left rejected) has no import
// to fail: it is reported as such, and the CLI drops this worker (its state is unknown). Handled
// here, so Node does not end the thread itself (through the process.exit fenced above).
process.on('uncaughtException', (error) => {
  post({ kind: 'crashed', message: error instanceof Error ? String(error) : String(error) });
});

const importer = createModuleImporter();
/** Says which module runs before running it: the CLI names it if the deadline passes. */
const importModule: ImportModule = async (file) => {
  importing = file;
  post({ kind: 'module', file });
  return importer(file);
};
importModule.beginLoad = (root, changed) => importer.beginLoad?.(root, changed);
importModule.definedIn = (value) => importer.definedIn?.(value) ?? [];

port.on('message', (message: ToWorker) => {
  void answer(message);
});

async function answer(message: ToWorker): Promise<void> {
  post({ kind: 'started' });
  try {
    if (message.kind === 'project') {
      const onConfig = (config: ResolvedConfig, configFile: string | undefined, valid: boolean) =>
        post({
          kind: 'config-read',
          ...(configFile === undefined ? {} : { configFile }),
          ...(config.loadTimeoutMs === undefined ? {} : { loadTimeoutMs: config.loadTimeoutMs }),
          ...(valid ? { config } : {}),
        });
      const project = await readProject(importModule, message.request, onConfig);
      // What user code printed is sent on before the answer, so none of it is lost when the CLI
      // ends this thread right after.
      process.stdout.write('', () => post({ id: message.id, kind: 'project', project }));
    } else {
      const config = await loadConfig(message.configFile, importModule, message.root);
      post({ id: message.id, kind: 'config', config });
    }
  } catch (error) {
    post({ id: message.id, kind: 'failed', error: asData(error) });
  } finally {
    importing = undefined;
  }
}

function asData(error: unknown): WorkerError {
  if (error instanceof RuntypeError)
    return {
      message: error.message,
      code: error.code,
      ...(error.hint ? { hint: error.hint } : {}),
    };
  const message = error instanceof Error ? error.message : String(error);
  return { message: importing ? `${message} (while loading ${importing})` : message };
}
