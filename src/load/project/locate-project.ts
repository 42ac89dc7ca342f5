import { locateDiagnostics, type LocationCache } from '../locate/locate-diagnostics.js';
import type { LoadedProject } from './project-loader.js';
import { sortDiagnostics } from './sort-diagnostics.js';

/** file:line:column for the diagnostics a load found without placing them; sorted. */
export async function locateProject(
  project: LoadedProject,
  locations?: LocationCache,
): Promise<LoadedProject> {
  const located = await locateDiagnostics(project.diagnostics, locations);
  return { ...project, diagnostics: sortDiagnostics(located) };
}
