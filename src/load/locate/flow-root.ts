import { Node, ts, type SourceFile } from 'ts-morph';
import { calleeName, resolveValue, staticString } from './static-value.js';

/** Which value of a module a diagnostic is about (read off the diagnostic itself). */
export interface SourceAnchor {
  /** The export that holds it (`default`, `four`): the surest way to find it. */
  exportName?: string;
  /** Its key, for finding it when the export does not lead to it. */
  flowKey?: string;
}

/** Calls whose first argument is the value itself. */
const DEFINERS = new Set(['defineFlow', 'defineConfig']);

/**
 * The node of the flow (or config) a diagnostic belongs to: the object
 * literal when it is written in this file, else the expression it comes from
 * (a factory call) — never a guess between two flows. By export first, then
 * by a key computable from this file; undefined when neither is sure.
 */
export function findFlowRoot(source: SourceFile, anchor: SourceAnchor): Node | undefined {
  if (anchor.exportName !== undefined) {
    const exported = exportedExpression(source, anchor.exportName);
    if (exported) {
      const value = definedValue(source, exported);
      const key = Node.isObjectLiteralExpression(value) ? keyOf(source, value) : undefined;
      if (anchor.flowKey === undefined || key === undefined || key === anchor.flowKey) return value;
    }
  }
  const candidates = flowObjects(source);
  if (anchor.flowKey !== undefined) {
    const byKey = candidates.filter((o) => keyOf(source, o) === anchor.flowKey);
    if (byKey.length === 1) return byKey[0];
    if (byKey.length > 1) return undefined;
    const unknown = candidates.filter((o) => keyOf(source, o) === undefined);
    return unknown.length === 1 ? unknown[0] : undefined;
  }
  return candidates.length === 1 ? candidates[0] : undefined;
}

// --- internal ---

/** The expression behind an export of this module; undefined for re-exports from other modules. */
function exportedExpression(source: SourceFile, name: string): Node | undefined {
  if (name === 'default') {
    const assignment = source.getExportAssignments().find((a) => !a.isExportEquals());
    if (assignment) return assignment.getExpression();
  }
  for (const statement of source.getVariableStatements()) {
    if (!statement.isExported()) continue;
    const declaration = statement.getDeclarations().find((d) => d.getName() === name);
    if (declaration) return declaration.getInitializer();
  }
  for (const declaration of source.getExportDeclarations()) {
    if (declaration.hasModuleSpecifier()) continue;
    const specifier = declaration
      .getNamedExports()
      .find((s) => (s.getAliasNode()?.getText() ?? s.getName()) === name);
    if (specifier) return specifier.getNameNode();
  }
  return undefined;
}

/**
 * `defineFlow({...})` → the object; an identifier → what it names; other calls stay (a
 * factory).
 */
function definedValue(source: SourceFile, node: Node): Node {
  const value = resolveValue(source, node);
  if (Node.isCallExpression(value) && DEFINERS.has(calleeName(value) ?? '')) {
    const [arg] = value.getArguments();
    if (arg) return resolveValue(source, arg);
  }
  return value;
}

/**
 * Every flow written in the file: defineFlow arguments and object literals with `key` and `steps`.
 */
function flowObjects(source: SourceFile): Node[] {
  const out = new Set<Node>();
  for (const call of source.getDescendantsOfKind(ts.SyntaxKind.CallExpression)) {
    if (calleeName(call) !== 'defineFlow') continue;
    const value = definedValue(source, call);
    if (Node.isObjectLiteralExpression(value)) out.add(value);
  }
  for (const object of source.getDescendantsOfKind(ts.SyntaxKind.ObjectLiteralExpression)) {
    if (object.getProperty('key') && object.getProperty('steps')) out.add(object);
  }
  return [...out].sort((a, b) => a.getStart() - b.getStart());
}

function keyOf(source: SourceFile, object: Node): string | undefined {
  if (!Node.isObjectLiteralExpression(object)) return undefined;
  const property = object.getProperty('key');
  if (Node.isPropertyAssignment(property)) {
    const initializer = property.getInitializer();
    return initializer ? staticString(source, initializer) : undefined;
  }
  if (Node.isShorthandPropertyAssignment(property))
    return staticString(source, property.getNameNode());
  return undefined;
}
