import type { ResolvedConfig } from '../model/config.js';
import type { Diagnostic } from '../model/diagnostics.js';
import type { Flow } from '../model/index.js';
import { checkFlowSet, isFlowDefinition, parseFlow } from '../model/index.js';
import { discoverFlowFiles } from './discover-flows.js';
import { findProject } from './find-config.js';
import type { ImportModule } from './import-module.js';
import { loadConfig } from './load-config.js';
import { locateDiagnostics } from './locate-diagnostics.js';
import { moduleErrorDiagnostic } from './module-error.js';

export interface LoadedFlow {
  flow: Flow;
  file: string;
  exportName: string;
}

export interface Project {
  root: string;
  configFile?: string;
  config: ResolvedConfig;
  /** Every module the flow globs matched. */
  files: string[];
  flows: LoadedFlow[];
  /** Modules under the globs that export no flow (shared prompt fragments, ...). */
  helperModules: string[];
  /** Every problem found, errors and warnings, with file:line where known. */
  diagnostics: Diagnostic[];
}

export interface LoadProjectOptions {
  cwd: string;
  configPath?: string;
  importModule: ImportModule;
  /** Resolve line:column for diagnostics (parses the offending files). Default true. */
  locate?: boolean;
}

/**
 * Loads the config and every flow module, collecting all problems instead of
 * stopping at the first: a user sees every broken file, flow and field at once.
 */
export async function loadProject(options: LoadProjectOptions): Promise<Project> {
  const { root, configFile } = findProject(options.cwd, options.configPath);
  await options.importModule.beginLoad?.(root);
  const { config, diagnostics } = await loadConfig(configFile, options.importModule);
  const files = await discoverFlowFiles(root, config.flows);
  const flows: LoadedFlow[] = [];
  const helperModules: string[] = [];

  for (const file of files) {
    let namespace: Record<string, unknown>;
    try {
      namespace = await options.importModule(file);
    } catch (error) {
      diagnostics.push(moduleErrorDiagnostic(file, error));
      continue;
    }
    const found = collectFlowExports(namespace);
    if (found.length === 0) helperModules.push(file);
    for (const { exportName, value } of found) {
      const result = parseFlow(value, { file, exportName });
      diagnostics.push(...result.diagnostics);
      if (result.flow) flows.push({ flow: result.flow, file, exportName });
    }
  }
  diagnostics.push(...checkFlowSet(flows.map(({ flow, file }) => ({ flow, file }))));

  const located = options.locate === false ? diagnostics : await locateDiagnostics(diagnostics);
  return {
    root,
    ...(configFile === undefined ? {} : { configFile }),
    config,
    files,
    flows,
    helperModules,
    diagnostics: located,
  };
}

// --- internal ---

/** The default export first, then named exports; one value exported twice counts once. */
function collectFlowExports(namespace: Record<string, unknown>): { exportName: string; value: unknown }[] {
  const seen = new Set<unknown>();
  const names = Object.keys(namespace).sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
  const out: { exportName: string; value: unknown }[] = [];
  for (const exportName of names) {
    const value = namespace[exportName];
    if (!isFlowDefinition(value) || seen.has(value)) continue;
    seen.add(value);
    out.push({ exportName, value });
  }
  return out;
}
