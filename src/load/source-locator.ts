import { Node, Project, ts, type SourceFile } from 'ts-morph';

export interface SourceLocator {
  /** Best-effort position of `path` inside the flow with `flowKey` (the deepest node found). */
  locate(flowKey: string | undefined, path: readonly (string | number)[]): { line: number; column: number } | undefined;
}

/** Step fields that helpers take in their options object beside the config fields. */
const STEP_LEVEL_FIELDS = new Set(['name', 'enabled', 'when', 'order']);

/**
 * Maps a value path (`steps[1].config.userPrompt`) back to source. Flows are
 * object literals, arrays and helper calls `helper(id, { ...options })` whose
 * options hold both step fields and config fields, so `config` is "the same
 * object" there and `id` is the first argument.
 */
export function createSourceLocator(file: string, text: string): SourceLocator {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
  const source = project.createSourceFile(file.replace(/^.*\//, '/'), text, { overwrite: true, scriptKind: ts.ScriptKind.TS });
  return {
    locate(flowKey, path) {
      const root = findFlowObject(source, flowKey);
      if (!root) return undefined;
      let node: Node = root;
      for (const segment of path) {
        const next = step(node, segment);
        if (!next) break;
        node = next;
      }
      const { line, column } = source.getLineAndColumnAtPos(node.getStart());
      return { line, column };
    },
  };
}

// --- internal ---

function findFlowObject(source: SourceFile, flowKey: string | undefined): Node | undefined {
  const objects = source.getDescendantsOfKind(ts.SyntaxKind.ObjectLiteralExpression);
  if (flowKey !== undefined) {
    const match = objects.find((o) => {
      const init = o.getProperty('key')?.asKind(ts.SyntaxKind.PropertyAssignment)?.getInitializer();
      return init !== undefined && Node.isStringLiteral(init) && init.getLiteralValue() === flowKey;
    });
    if (match) return match;
  }
  // No key to match on (or a computed one): the argument of the first defineFlow call.
  const call = source
    .getDescendantsOfKind(ts.SyntaxKind.CallExpression)
    .find((c) => c.getExpression().getText() === 'defineFlow');
  return call?.getArguments()[0] ?? objects[0];
}

function step(node: Node, segment: string | number): Node | undefined {
  const target = unwrap(node);
  if (typeof segment === 'number') {
    if (Node.isArrayLiteralExpression(target)) return target.getElements()[segment];
    return undefined;
  }
  if (Node.isObjectLiteralExpression(target)) {
    const property = target.getProperty(segment);
    if (Node.isPropertyAssignment(property)) return property.getInitializer() ?? property;
    return property;
  }
  if (Node.isCallExpression(target)) {
    const [first, options] = target.getArguments();
    if (segment === 'id') return first;
    if (segment === 'config') return options ?? target;
    if (options && Node.isObjectLiteralExpression(options) && (STEP_LEVEL_FIELDS.has(segment) || segment === 'type')) {
      return step(options, segment) ?? target;
    }
    return options ? step(options, segment) : undefined;
  }
  return undefined;
}

function unwrap(node: Node): Node {
  let current = node;
  while (Node.isAsExpression(current) || Node.isParenthesizedExpression(current) || Node.isSatisfiesExpression(current)) {
    current = current.getExpression();
  }
  return current;
}
