import path from 'node:path';
import type { ResolvedConfig } from '../../model/config.js';
import { hasErrors, type Diagnostic } from '../../model/diagnostics.js';
import { DiagnosticCodes as C } from '../../model/diagnostic-codes.js';
import type { Flow } from '../../model/index.js';
import { parseFlow } from '../../model/index.js';
import { discoverFlows, type OutsideProject } from './discover-flows.js';
import { findProject } from './find-config.js';
import { readModuleExports, type FlowExport } from './flow-exports.js';
import { assignFlowOwners } from './flow-owners.js';
import { checkProjectFlows } from './flow-set.js';
import type { ImportModule } from '../import/import-module.js';
import {
  analyseModuleError,
  moduleFailureDiagnostic,
  type ModuleFailure,
} from '../import/module-error.js';
import { locateDiagnostics, type LocationCache } from '../locate/locate-diagnostics.js';
import { loadConfig } from './load-config.js';
import { sortDiagnostics } from './sort-diagnostics.js';

export interface LoadedFlow {
  flow: Flow;
  /** The module that defined the flow (not a barrel that re-exports it). */
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
  /**
   * Every problem found, errors and warnings, with file:line where known, sorted by file, line,
   * column.
   */
  diagnostics: Diagnostic[];
}

export interface LoadProjectOptions {
  cwd: string;
  configPath?: string;
  importModule: ImportModule;
  /** Resolve line:column for diagnostics (parses the offending files). Default true. */
  locate?: boolean;
  /**
   * What locating learnt, for whoever loads the project again and again (a watch session): an
   * unchanged file is not parsed again to place the same warning. Default: a fresh one.
   */
  locations?: LocationCache;
  /**
   * Only these files changed since this importer's last load (watch): only they and their
   * importers are read again. Undefined: every project module is.
   */
  changed?: readonly string[];
  /**
   * Told the config as soon as it is read, before any flow module runs (its load deadline; a
   * command that connects meanwhile). `valid`: the config file had no error (else `config` is the
   * defaults).
   */
  onConfig?: (config: ResolvedConfig, configFile: string | undefined, valid: boolean) => void;
}

/**
 * Loads the config and every flow module, collecting all problems instead of
 * stopping at the first: a user sees every broken file, flow and field at once.
 */
export async function loadProject(options: LoadProjectOptions): Promise<Project> {
  const { root, configFile } = findProject(options.cwd, options.configPath);
  // The config is one module, read afresh every time: what it says decides everything else.
  const changed =
    options.changed && configFile !== undefined
      ? [...options.changed, configFile]
      : options.changed;
  await options.importModule.beginLoad?.(root, changed);
  const { config, diagnostics } = await loadConfig(configFile, options.importModule, root);
  options.onConfig?.(config, configFile, !hasErrors(diagnostics));
  const { files, outside } = await discoverFlows(root, config.flows);
  for (const reach of outside) diagnostics.push(outsideProject(reach, root, configFile));
  if (files.length === 0) diagnostics.push(noFlowFiles(config.flows, root, configFile));

  const exports: { file: string; flows: FlowExport[] }[] = [];
  const failures = new Map<string, { failure: ModuleFailure; loadedBy: string[] }>();
  // A re-exported non-flow (a barrel's `export *`) is warned about once, at its first exporter.
  const warnedValues = new Set<unknown>();
  for (const file of files) {
    let namespace: Record<string, unknown>;
    try {
      namespace = await options.importModule(file);
    } catch (error) {
      const failure = await analyseModuleError(file, error);
      const key = JSON.stringify([failure.file, failure.line, failure.column, failure.reason]);
      const seen = failures.get(key) ?? { failure, loadedBy: [] };
      seen.loadedBy.push(file);
      failures.set(key, seen);
      continue;
    }
    const found = await readModuleExports(namespace, file);
    exports.push({ file, flows: found.flows });
    for (const { value, diagnostic } of found.ignored) {
      if (warnedValues.has(value)) continue;
      warnedValues.add(value);
      diagnostics.push(diagnostic);
    }
  }
  for (const { failure, loadedBy } of failures.values())
    diagnostics.push(moduleFailureDiagnostic(failure, loadedBy, { root }));

  const flows: LoadedFlow[] = [];
  for (const owner of await assignFlowOwners(exports, options.importModule)) {
    const { file, exportName } = owner;
    const result = parsedFlow(owner.value, {
      file,
      exportName,
      extraStepTypes: config.extraStepTypes,
    });
    diagnostics.push(...result.diagnostics.map((d) => ({ ...d, exportName })));
    if (result.flow)
      flows.push({ flow: result.flow, file: owner.file, exportName: owner.exportName });
  }
  diagnostics.push(...checkProjectFlows(flows, root));

  const located =
    options.locate === false
      ? diagnostics
      : await locateDiagnostics(diagnostics, options.locations);
  return {
    root,
    ...(configFile === undefined ? {} : { configFile }),
    config,
    files,
    flows,
    helperModules: exports.filter((e) => e.flows.length === 0).map((e) => e.file),
    diagnostics: sortDiagnostics(located),
  };
}

// --- internal ---

/**
 * parseFlow's answer per flow object: a module that was not read again (watch mode evicts only
 * what changed) hands back the very same object, which need not be validated again. Keyed by the
 * object, so an evicted module's flows are forgotten with it.
 */
const parsed = new WeakMap<object, { key: string; result: ReturnType<typeof parseFlow> }>();

function parsedFlow(
  value: unknown,
  options: { file: string; exportName: string; extraStepTypes: readonly string[] },
): ReturnType<typeof parseFlow> {
  if (value === null || typeof value !== 'object') return parseFlow(value, options);
  const key = JSON.stringify([options.file, options.exportName, options.extraStepTypes]);
  const known = parsed.get(value);
  if (known?.key === key) return known.result;
  const result = parseFlow(value, options);
  parsed.set(value, { key, result });
  return result;
}

/**
 * A glob that matches nothing is almost always a mistake, and `sync --prune` on it would delete
 * every flow.
 */
/** A glob or a symlink that leads out of the project: an error, and nothing of it is imported. */
function outsideProject(
  reach: OutsideProject,
  root: string,
  configFile: string | undefined,
): Diagnostic {
  const where = configFile === undefined ? {} : { file: configFile, path: ['flows'] };
  if (reach.kind === 'glob') {
    return {
      severity: 'error',
      code: C.FLOW_OUTSIDE_PROJECT,
      message: `the flow glob "${reach.pattern}" leaves the project root (${root}); it is not read`,
      hint: 'Flow globs are relative to the project root and stay inside it; move the flows in.',
      ...where,
    };
  }
  return {
    severity: 'error',
    code: C.FLOW_OUTSIDE_PROJECT,
    message:
      `${path.relative(root, reach.file)} is a link to ${reach.target}, outside the project; ` +
      'it is not imported',
    hint: 'Copy the flow into the project, or make it a helper the flow modules import.',
    file: reach.file,
  };
}

function noFlowFiles(
  globs: readonly string[],
  root: string,
  configFile: string | undefined,
): Diagnostic {
  return {
    severity: 'warning',
    code: C.NO_FLOW_FILES,
    message: `no flow file matches ${globs.map((g) => `"${g}"`).join(', ')} under ${root}`,
    hint: configFile
      ? 'Check `flows` in the config: globs are relative to the folder of the config file.'
      : 'Flows are read from flows/**/*.ts under the current directory ' +
        'when there is no runtype.config.ts; check --cwd.',
    ...(configFile === undefined
      ? {}
      : { file: configFile, path: ['flows'], exportName: 'default' }),
  };
}
