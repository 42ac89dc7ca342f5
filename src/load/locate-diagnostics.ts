import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../model/diagnostics.js';
import type { SourceLocator } from './source-locator.js';

/**
 * Adds line:column to diagnostics that name a file and a path but no line.
 * ts-morph is heavy, so it is only loaded when some diagnostic needs it.
 */
export async function locateDiagnostics(diagnostics: Diagnostic[]): Promise<Diagnostic[]> {
  const pending = diagnostics.filter((d) => d.file !== undefined && d.line === undefined && /\.[cm]?[jt]s$/.test(d.file));
  if (pending.length === 0) return diagnostics;
  const { createSourceLocator } = await import('./source-locator.js');
  const locators = new Map<string, SourceLocator | undefined>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (!pending.includes(d) || d.file === undefined) {
      out.push(d);
      continue;
    }
    if (!locators.has(d.file)) {
      const text = await readFile(d.file, 'utf8').catch(() => undefined);
      locators.set(d.file, text === undefined ? undefined : createSourceLocator(d.file, text));
    }
    const position = locators.get(d.file)?.locate(d.flowKey, d.path ?? []);
    out.push(position ? { ...d, line: position.line, column: position.column } : d);
  }
  return out;
}
