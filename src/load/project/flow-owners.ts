import type { FlowExport } from './flow-exports.js';
import type { ImportModule } from '../import/import-module.js';

export interface FlowOwner {
  value: unknown;
  /** The module the flow belongs to: where it was defined. */
  file: string;
  /** Its export there. */
  exportName: string;
}

/**
 * One flow object exported by several modules under the globs (a barrel
 * `export * from './both.js'`, `export { both as again } from ...`) is one
 * flow, not a duplicate. It belongs to the module that defined it: the first
 * of its exporters on the call stack of the `defineFlow` that made it (a
 * factory in a helper outside the globs leads to the module that called it).
 * When that is unknown (a plain object, another copy of the package), the
 * first exporter in file order.
 */
export async function assignFlowOwners(
  exports: readonly { file: string; flows: readonly FlowExport[] }[],
  importModule: ImportModule,
): Promise<FlowOwner[]> {
  const exporters = new Map<unknown, FlowOwner[]>();
  const rank = new Map<string, number>();
  for (const { file, flows } of exports) {
    for (const { exportName, value } of flows) {
      rank.set(`${file}\0${exportName}`, rank.size);
      const list = exporters.get(value) ?? [];
      if (!list.some((o) => o.file === file)) list.push({ value, file, exportName });
      exporters.set(value, list);
    }
  }
  const owners: FlowOwner[] = [];
  for (const [value, list] of exporters) {
    if (list.length === 1 || !importModule.definedIn) {
      owners.push(list[0]!);
      continue;
    }
    const stack = await importModule.definedIn(value);
    const defining = stack
      .map((file) => list.find((o) => o.file === file))
      .find((o) => o !== undefined);
    owners.push(defining ?? list[0]!);
  }
  // File order, then each module's own order (default first), as if every flow had one exporter.
  const at = (o: FlowOwner): number => rank.get(`${o.file}\0${o.exportName}`) ?? 0;
  return owners.sort((a, b) => at(a) - at(b));
}
