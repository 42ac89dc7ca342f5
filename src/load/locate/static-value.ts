import { Node, type SourceFile } from 'ts-morph';

/** How many `const a = b` hops to follow before giving up (cycles, long chains). */
const MAX_HOPS = 8;

/**
 * Strips what does not change a value: parentheses, `as`, `satisfies`,
 * `<T>x` and the non-null `!`.
 */
export function unwrap(node: Node): Node {
  let current = node;
  while (
    Node.isAsExpression(current) ||
    Node.isParenthesizedExpression(current) ||
    Node.isSatisfiesExpression(current) ||
    Node.isNonNullExpression(current) ||
    Node.isTypeAssertion(current)
  ) {
    current = current.getExpression();
  }
  return current;
}

/**
 * Follows an identifier to the initializer of the module-level `const`/`let`
 * of that name (`config: shared` → `const shared = {...}`), unwrapped. Other
 * nodes come back unwrapped. Local shadowing is not modelled: flows are
 * written at module level.
 */
export function resolveValue(source: SourceFile, node: Node): Node {
  let current = unwrap(node);
  for (let hop = 0; hop < MAX_HOPS && Node.isIdentifier(current); hop += 1) {
    const initializer = source.getVariableDeclaration(current.getText())?.getInitializer();
    if (!initializer) break;
    current = unwrap(initializer);
  }
  return current;
}

/**
 * The string a node always evaluates to, when that is knowable from this
 * file alone: literals, templates and `+` of those and of module-level
 * constants (`` key: `${base}-two` `` with `const base = 'gen'`).
 */
export function staticString(source: SourceFile, node: Node, hops = 0): string | undefined {
  if (hops > MAX_HOPS) return undefined;
  const value = resolveValue(source, node);
  if (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value))
    return value.getLiteralValue();
  if (Node.isNumericLiteral(value)) return String(value.getLiteralValue());
  if (Node.isTemplateExpression(value)) {
    let out = value.getHead().getLiteralText();
    for (const span of value.getTemplateSpans()) {
      const part = staticString(source, span.getExpression(), hops + 1);
      if (part === undefined) return undefined;
      out += part + span.getLiteral().getLiteralText();
    }
    return out;
  }
  if (Node.isBinaryExpression(value) && value.getOperatorToken().getText() === '+') {
    const left = staticString(source, value.getLeft(), hops + 1);
    const right = left === undefined ? undefined : staticString(source, value.getRight(), hops + 1);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  return undefined;
}

/** The last name of a callee: `prompt` for `prompt(...)` and for `rf.prompt(...)`. */
export function calleeName(node: Node): string | undefined {
  if (!Node.isCallExpression(node)) return undefined;
  const callee = unwrap(node.getExpression());
  if (Node.isIdentifier(callee)) return callee.getText();
  if (Node.isPropertyAccessExpression(callee)) return callee.getName();
  return undefined;
}
