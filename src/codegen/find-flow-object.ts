import { Node, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import { findProperty, literalString, unwrap } from './literal-node.js';

/**
 * The object literal given to `defineFlow` for the flow `key` in a module
 * (a module may define several flows). Undefined when no literal states that
 * key — the flow is then built by code `pull` does not rewrite.
 */
export function findFlowObject(
  source: SourceFile,
  key: string,
): ObjectLiteralExpression | undefined {
  for (const call of source.getDescendants()) {
    if (!Node.isCallExpression(call) || call.getExpression().getText() !== 'defineFlow') continue;
    const [argument] = call.getArguments();
    const object = argument && unwrap(argument);
    if (!object || !Node.isObjectLiteralExpression(object)) continue;
    const property = findProperty(object, 'key');
    if (property !== undefined && property !== 'unsure' && Node.isPropertyAssignment(property)) {
      if (literalString(property.getInitializer()) === key) return object;
    }
  }
  return undefined;
}
