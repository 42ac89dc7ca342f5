import type { ImportModule } from './import-module.js';

/**
 * The module importer, loaded on first use: jiti and sucrase stay out of
 * commands that never read a flow (`--help`, `emulator`).
 */
export function createLazyImporter(): ImportModule {
  let real: Promise<ImportModule> | undefined;
  const load = () => (real ??= import('./import-module.js').then((m) => m.createModuleImporter()));
  const importModule: ImportModule = async (file) => (await load())(file);
  importModule.beginLoad = async (root, changed) => {
    await (await load()).beginLoad?.(root, changed);
  };
  importModule.definedIn = async (value) => (await load()).definedIn?.(value) ?? [];
  return importModule;
}
