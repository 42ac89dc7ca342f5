import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../model/diagnostics.js';
import type { LocateTarget, SourceLocator } from './source-locator.js';

/** Which export (and flow key) each diagnostic is about; the loader knows, the diagnostic does not. */
export type LocateTargets = Map<Diagnostic, LocateTarget>;

/**
 * Adds line:column to diagnostics that name a file but no line. ts-morph is
 * heavy, so it is only loaded when some diagnostic needs it; one in-memory
 * project serves every file.
 */
export async function locateDiagnostics(diagnostics: Diagnostic[], targets: LocateTargets = new Map()): Promise<Diagnostic[]> {
  const pending = new Set(diagnostics.filter((d) => d.file !== undefined && d.line === undefined && /\.[cm]?[jt]sx?$/.test(d.file)));
  if (pending.size === 0) return diagnostics;
  const { createSourceLocator } = await import('./source-locator.js');
  const { Project } = await import('ts-morph');
  const project = new Project({ useInMemoryFileSystem: true });
  const locators = new Map<string, SourceLocator | undefined>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (!pending.has(d) || d.file === undefined) {
      out.push(d);
      continue;
    }
    if (!locators.has(d.file)) {
      const text = await readFile(d.file, 'utf8').catch(() => undefined);
      locators.set(d.file, text === undefined ? undefined : createSourceLocator(d.file, text, project));
    }
    const target = { ...(d.flowKey === undefined ? {} : { flowKey: d.flowKey }), ...targets.get(d) };
    const position = locators.get(d.file)?.locate(target, d.path ?? [], { message: d.message, code: d.code });
    out.push(position ? { ...d, line: position.line, column: position.column } : d);
  }
  return out;
}
